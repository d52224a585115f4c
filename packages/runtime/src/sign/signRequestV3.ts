import type { Credentials } from "../credentials/types.js";
import { syncDigests } from "../platform/digest.js";
import type { SyncDigests } from "../platform/digestTypes.js";
import { SIGNATURE_ALGORITHM_V3, authorizationV3, canonicalRequestV3, payloadHashWith, stringToSignV3, withAcsHeaders } from "./signatureV3Steps.js";

export const SIGNATURE_ALGORITHM = SIGNATURE_ALGORITHM_V3;

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
  /**
   * The canonical query string of `query`, when the caller already has it (the runtime computes it once per
   * call); computed from `query` otherwise. It must be exactly what `query` gives.
   */
  readonly canonicalQuery?: string | undefined;
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
  // Every call formats the current time; within one second the text is the same.
  const second = Math.floor(date.getTime() / 1000);
  if (second !== lastDate.second) lastDate = { second, text: date.toISOString().replace(/\.\d{3}Z$/, "Z") };
  return lastDate.text;
}
let lastDate = { second: Number.NaN, text: "" };

function requireSyncDigests(caller: string): SyncDigests {
  if (syncDigests === undefined) {
    throw new Error(`${caller} is synchronous and needs node:crypto, which this runtime lacks: use ${caller}Async (Web Crypto)`);
  }
  return syncDigests;
}

/**
 * The headers every V3 request carries, signed or not: the request's own, `host`, `x-acs-date`,
 * `x-acs-signature-nonce` and `x-acs-content-sha256` (the body's hash). Anonymous operations send these
 * without an `authorization` header. Synchronous, so only where `node:crypto` exists; see
 * `acsRequestHeadersAsync` for every runtime.
 */
export function acsRequestHeaders(request: SignableRequest, inputs: SignatureInputs): Record<string, string> {
  return withAcsHeaders(request, inputs, payloadHashWith(request.body, requireSyncDigests("acsRequestHeaders").sha256Hex));
}

/**
 * Signs a request with Alibaba Cloud signature V3 (ACS3-HMAC-SHA256): hashes the body, adds the
 * `x-acs-*` headers, builds the canonical request and returns the headers to send with `authorization`.
 *
 * Synchronous, with `node:crypto` (Node, Bun, Deno). In the runtime's portable build (Cloudflare Workers,
 * browsers), which has only the asynchronous Web Crypto, it throws: use {@link signRequestV3Async} there.
 */
export function signRequestV3(request: SignableRequest, credentials: Credentials, inputs: SignatureInputs): SignedRequest {
  const digests = requireSyncDigests("signRequestV3");
  const headers = withAcsHeaders(request, inputs, payloadHashWith(request.body, digests.sha256Hex));
  const { canonicalRequest, signed } = canonicalRequestV3(request, headers, credentials);
  const signature = digests.hmacSha256Hex(credentials.accessKeySecret, stringToSignV3(digests.sha256Hex(canonicalRequest)));
  headers.authorization = authorizationV3(credentials.accessKeyId, signed, signature);
  return { headers, canonicalRequest };
}
