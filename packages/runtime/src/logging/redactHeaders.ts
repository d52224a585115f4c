import { maskAccessKeyId } from "../credentials/redact.js";

/**
 * Headers whose values are printed: protocol metadata that never carries a credential or user data. Every
 * other header is printed as `<redacted>` (its name still shows), whatever it is: tokens, cookies, the
 * body hash (`x-acs-content-sha256` would let a short secret in the body be guessed offline), header parameters.
 */
const SHOWN = new Set([
  "accept",
  "connection",
  "content-length",
  "content-type",
  "date",
  "host",
  "keep-alive",
  "retry-after",
  "transfer-encoding",
  "user-agent",
  "x-acs-action",
  "x-acs-date",
  "x-acs-request-id",
  "x-acs-signature-nonce",
  "x-acs-version",
]);

export const REDACTED = "<redacted>";

/** `ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<list>,Signature=<hex>` */
const AUTHORIZATION = /^(\S+) Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=\S+$/;

/** The Authorization header without its signature, and with the access key id masked; anything else unknown is redacted. */
function redactAuthorization(value: string): string {
  const m = AUTHORIZATION.exec(value);
  return m ? `${m[1]} Credential=${maskAccessKeyId(m[2]!)},SignedHeaders=${m[3]},Signature=${REDACTED}` : REDACTED;
}

/**
 * Headers as a debug log prints them, names lower-cased and sorted: allow-listed values as they are,
 * `authorization` reduced to its algorithm, masked key id and signed-header list, `x-acs-accesskey-id`
 * masked (last 4 characters), every other value `<redacted>`.
 */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [rawName, value] of Object.entries(headers).sort(([a], [b]) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1))) {
    const name = rawName.toLowerCase();
    out[name] = SHOWN.has(name) ? value : name === "authorization" ? redactAuthorization(value) : name === "x-acs-accesskey-id" ? maskAccessKeyId(value) : REDACTED;
  }
  return out;
}
