import type { Credentials } from "./types.js";

/** Parts of a credential set after a provider has validated that id and secret are non-empty. */
export interface CredentialParts {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string | undefined;
  readonly expiration?: Date | undefined;
}

/**
 * Builds a frozen {@link Credentials} object. Absent or empty optional fields are left out entirely (not set
 * to `undefined`) so signing code can test `"securityToken" in c` or truthiness alike; freezing protects
 * objects shared by caches from being mutated by one caller.
 */
export function buildCredentials(parts: CredentialParts): Credentials {
  const credentials: { -readonly [K in keyof Credentials]: Credentials[K] } = {
    accessKeyId: parts.accessKeyId,
    accessKeySecret: parts.accessKeySecret,
  };
  if (parts.securityToken) credentials.securityToken = parts.securityToken;
  if (parts.expiration) credentials.expiration = parts.expiration;
  return Object.freeze(credentials);
}

/** Whether `value` is a usable key part: a string with at least one non-blank character. */
export function isNonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "";
}
