// The steps of signature V3 that involve no hashing, shared by the synchronous signer (node:crypto) and the
// asynchronous one (Web Crypto), so that both build exactly the same canonical request.
import type { Credentials } from "../credentials/types.js";
import { copyRecord } from "../platform/copyRecord.js";
import { canonicalHeaders } from "./canonicalHeaders.js";
import { canonicalQuery } from "./canonicalQuery.js";
import type { SignableRequest, SignatureInputs } from "./signRequestV3.js";

/** @internal */
export const SIGNATURE_ALGORITHM_V3 = "ACS3-HMAC-SHA256";

/** SHA-256 of the empty body, which most requests have. @internal */
export const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** The body's hash, or the constant for an empty body, with whichever SHA-256 the caller has. @internal */
export function payloadHashWith<R>(body: string | Uint8Array | undefined, sha256Hex: (data: string | Uint8Array) => R): R | string {
  return body === undefined || body.length === 0 ? EMPTY_SHA256 : sha256Hex(body);
}

/** The request's headers plus `host` and the `x-acs-*` headers every V3 request carries. @internal */
export function withAcsHeaders(request: SignableRequest, inputs: SignatureInputs, payloadHash: string): Record<string, string> {
  const headers = copyRecord(request.headers);
  headers.host = request.host;
  headers["x-acs-date"] = inputs.date;
  headers["x-acs-signature-nonce"] = inputs.nonce;
  headers["x-acs-content-sha256"] = payloadHash;
  return headers;
}

/**
 * Adds the STS headers to `headers` (when the credentials carry a token) and builds the canonical request and
 * the `SignedHeaders` list. @internal
 */
export function canonicalRequestV3(request: SignableRequest, headers: Record<string, string>, credentials: Credentials): { canonicalRequest: string; signed: string } {
  if (credentials.securityToken) {
    // The official client sends the key id in its own header with STS tokens; we match it on the wire.
    headers["x-acs-accesskey-id"] = credentials.accessKeyId;
    headers["x-acs-security-token"] = credentials.securityToken;
  }
  const { block, signed } = canonicalHeaders(headers);
  const canonicalRequest =
    `${request.method.toUpperCase()}\n${request.pathname}\n${request.canonicalQuery ?? canonicalQuery(request.query)}\n` +
    `${block}\n${signed}\n${headers["x-acs-content-sha256"]!}`;
  return { canonicalRequest, signed };
}

/** The string to sign, from the hex SHA-256 of the canonical request. @internal */
export function stringToSignV3(canonicalRequestHash: string): string {
  return `${SIGNATURE_ALGORITHM_V3}\n${canonicalRequestHash}`;
}

/** The `Authorization` header value. @internal */
export function authorizationV3(accessKeyId: string, signed: string, signature: string): string {
  return `${SIGNATURE_ALGORITHM_V3} Credential=${accessKeyId},SignedHeaders=${signed},Signature=${signature}`;
}
