import { CredentialsError } from "../errors/CredentialsError.js";
import { buildCredentials, isNonEmptyString } from "./buildCredentials.js";
import type { CredentialProvider, Credentials } from "./types.js";

/** Long-lived keys, or STS credentials, given directly in code. */
export interface StaticCredentialsInput {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** STS token; `undefined` and `""` mean "none" so `process.env.X` can be passed straight through. */
  readonly securityToken?: string | undefined;
}

/**
 * A provider that always returns the given credentials.
 *
 * Validation happens once, here, but an empty `accessKeyId` or `accessKeySecret` is reported by rejecting
 * `getCredentials()` with a {@link CredentialsError} rather than throwing: every provider fails the same way,
 * through its promise, so the client handles credential problems in one place.
 */
export function fromStatic(input: StaticCredentialsInput): CredentialProvider {
  const outcome = validate(input);
  return {
    getCredentials: () => (outcome instanceof Error ? Promise.reject(outcome) : Promise.resolve(outcome)),
  };
}

function validate(input: StaticCredentialsInput): Credentials | CredentialsError {
  // Checked at runtime too: plain-JS callers can pass undefined where the types say string.
  const missing: string[] = [];
  if (!isNonEmptyString(input.accessKeyId)) missing.push("accessKeyId");
  if (!isNonEmptyString(input.accessKeySecret)) missing.push("accessKeySecret");
  if (missing.length > 0) {
    const line = `static: ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} empty`;
    return new CredentialsError(line, [line]);
  }
  return buildCredentials({
    accessKeyId: input.accessKeyId,
    accessKeySecret: input.accessKeySecret,
    securityToken: isNonEmptyString(input.securityToken) ? input.securityToken : undefined,
  });
}
