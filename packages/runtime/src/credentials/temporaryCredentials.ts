import { buildCredentials, isNonEmptyString } from "./buildCredentials.js";
import { sourceBroken } from "./sourceErrors.js";
import type { Credentials } from "./types.js";

/**
 * Parses a credential service's JSON answer (or a command's `output`) into an object. Never echoes the body or
 * the parser's message: both can contain the secret. `where` prefixes the reason (e.g. `role "r"`).
 */
export function parseJsonObject(body: string, source: string, where: string, what = "response"): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    throw sourceBroken(source, `${where}: ${what} is not valid JSON`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw sourceBroken(source, `${where}: ${what} is not a JSON object`);
  }
  return data as Record<string, unknown>;
}

/**
 * Reads the `{ AccessKeyId, AccessKeySecret, SecurityToken, Expiration }` object every Alibaba credential
 * service returns (ECS metadata and credentials URIs at the top level, STS under `Credentials`, CloudSSO under
 * `CloudCredential`). All four are required: temporary credentials without an expiry could never be refreshed.
 */
export function temporaryCredentialsFrom(data: Record<string, unknown>, source: string, where: string): Credentials {
  const missing = ["AccessKeyId", "AccessKeySecret", "SecurityToken", "Expiration"].filter((k) => !isNonEmptyString(data[k]));
  if (missing.length > 0) throw sourceBroken(source, `${where}: response has no ${missing.join(", ")}`);
  const expiration = new Date(data["Expiration"] as string);
  if (Number.isNaN(expiration.getTime())) throw sourceBroken(source, `${where}: Expiration is not a valid date`);
  return buildCredentials({
    accessKeyId: data["AccessKeyId"] as string,
    accessKeySecret: data["AccessKeySecret"] as string,
    securityToken: data["SecurityToken"] as string,
    expiration,
  });
}

/**
 * A service-reported code fit to quote in an error, or undefined. Only the shape of Alibaba's codes passes:
 * dot-separated words of letters (`Success`, `NoPermission`, `AuthenticationFail.OIDCToken.Expired`). Secrets
 * and tokens mix in digits or symbols, so a service that echoes one where a code belongs is not quoted.
 */
export function quotableCode(value: unknown): string | undefined {
  return typeof value === "string" && value.length <= 64 && /^[A-Z][A-Za-z]*(?:\.[A-Z][A-Za-z]*)*$/.test(value) ? value : undefined;
}

/** A request id fit to quote (the UUID form Alibaba's gateways use), or undefined. */
export function quotableRequestId(value: unknown): string | undefined {
  return typeof value === "string" && /^[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}$/.test(value) ? value : undefined;
}

/**
 * Throws a "broken" error unless `data.Code` is `Success`. ECS metadata always sends `Code`; for credentials
 * URIs it is `optional` (absent is accepted, any other value is not).
 */
export function expectSuccessCode(data: Record<string, unknown>, source: string, where: string, optional = false): void {
  const raw = data["Code"];
  if (raw === "Success" || (optional && raw === undefined)) return;
  const code = quotableCode(raw);
  throw sourceBroken(source, `${where}: Code is ${code ? `"${code}"` : "missing or unrecognised"}, expected "Success"`);
}
