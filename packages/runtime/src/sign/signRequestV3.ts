import { createHash, createHmac } from "node:crypto";
import type { Credentials } from "../credentials/types.js";
import { canonicalHeaders } from "./canonicalHeaders.js";
import { canonicalQuery } from "./canonicalQuery.js";

export const SIGNATURE_ALGORITHM = "ACS3-HMAC-SHA256";

const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** What the signer needs to know about a request. Header names must be lower case. */
export interface SignableRequest {
  readonly method: string;
  /** Host name with port when not default, exactly as it will be sent in `Host`. */
  readonly host: string;
  /**
   * Path as sent, already percent-encoded (each segment RFC 3986, `/` between segments): the canonical URI
   * is exactly this string, as in Alibaba's official signer.
   */
  readonly pathname: string;
  readonly query: readonly (readonly [string, string])[];
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array | undefined;
}

export interface SignatureInputs {
  /** `x-acs-date`, ISO 8601 without milliseconds: `2024-01-01T00:00:00Z`. */
  readonly date: string;
  readonly nonce: string;
}

export interface SignedRequest {
  /** All headers to send, lower-case names, including `authorization`. */
  readonly headers: Record<string, string>;
  /** Exposed for tests and debugging; contains no secret. */
  readonly canonicalRequest: string;
}

/** `x-acs-date` format for a Date. */
export function formatAcsDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * The headers every V3 request carries, signed or not: the request's own, `host`, `x-acs-date`,
 * `x-acs-signature-nonce` and `x-acs-content-sha256` (the body's hash). Anonymous operations send these
 * without an `authorization` header.
 */
export function acsRequestHeaders(request: SignableRequest, inputs: SignatureInputs): Record<string, string> {
  const body = request.body;
  return {
    ...request.headers,
    host: request.host,
    "x-acs-date": inputs.date,
    "x-acs-signature-nonce": inputs.nonce,
    "x-acs-content-sha256": body === undefined || body.length === 0 ? EMPTY_SHA256 : sha256Hex(body),
  };
}

/**
 * Signs a request with Alibaba Cloud signature V3 (ACS3-HMAC-SHA256): hashes the body, adds the
 * `x-acs-*` headers, builds the canonical request and returns the headers to send with `authorization`.
 */
export function signRequestV3(request: SignableRequest, credentials: Credentials, inputs: SignatureInputs): SignedRequest {
  const headers = acsRequestHeaders(request, inputs);
  const payloadHash = headers["x-acs-content-sha256"]!;
  if (credentials.securityToken) {
    // The official client sends the key id in its own header with STS tokens; we match it on the wire.
    headers["x-acs-accesskey-id"] = credentials.accessKeyId;
    headers["x-acs-security-token"] = credentials.securityToken;
  }
  const { block, signed } = canonicalHeaders(headers);
  const canonicalRequest =
    `${request.method.toUpperCase()}\n${request.pathname}\n${canonicalQuery(request.query)}\n` +
    `${block}\n${signed}\n${payloadHash}`;
  const stringToSign = `${SIGNATURE_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
  const signature = createHmac("sha256", credentials.accessKeySecret).update(stringToSign).digest("hex");
  headers.authorization = `${SIGNATURE_ALGORITHM} Credential=${credentials.accessKeyId},SignedHeaders=${signed},Signature=${signature}`;
  return { headers, canonicalRequest };
}
