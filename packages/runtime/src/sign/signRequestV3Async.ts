import type { Credentials } from "../credentials/types.js";
import { digests, syncDigests } from "../platform/digest.js";
import { authorizationV3, canonicalRequestV3, payloadHashWith, stringToSignV3, withAcsHeaders } from "./signatureV3Steps.js";
import { acsRequestHeaders, signRequestV3, type SignableRequest, type SignatureInputs, type SignedRequest } from "./signRequestV3.js";

/**
 * {@link signRequestV3} on every runtime: the same signature, computed with `node:crypto` where it exists
 * (synchronously, inside one promise) and with Web Crypto (`crypto.subtle`) elsewhere. The runtime signs every
 * call with it.
 */
export async function signRequestV3Async(request: SignableRequest, credentials: Credentials, inputs: SignatureInputs): Promise<SignedRequest> {
  if (syncDigests !== undefined) return signRequestV3(request, credentials, inputs);
  const headers = withAcsHeaders(request, inputs, await payloadHashWith(request.body, digests.sha256Hex));
  const { canonicalRequest, signed } = canonicalRequestV3(request, headers, credentials);
  const signature = await digests.hmacSha256Hex(credentials.accessKeySecret, stringToSignV3(await digests.sha256Hex(canonicalRequest)));
  headers.authorization = authorizationV3(credentials.accessKeyId, signed, signature);
  return { headers, canonicalRequest };
}

/**
 * The headers of one attempt, signed (or unsigned without credentials: anonymous operations). Synchronous
 * where `node:crypto` exists, so a call's hot path awaits no promise for it; a promise elsewhere. @internal
 */
export function attemptHeaders(
  request: SignableRequest,
  credentials: Credentials | undefined,
  inputs: SignatureInputs,
): Record<string, string> | Promise<Record<string, string>> {
  if (syncDigests !== undefined) return credentials ? signRequestV3(request, credentials, inputs).headers : acsRequestHeaders(request, inputs);
  return credentials ? signRequestV3Async(request, credentials, inputs).then((s) => s.headers) : acsRequestHeadersAsync(request, inputs);
}

/** `acsRequestHeaders` on every runtime: the unsigned V3 headers of an anonymous call. @internal */
export async function acsRequestHeadersAsync(request: SignableRequest, inputs: SignatureInputs): Promise<Record<string, string>> {
  if (syncDigests !== undefined) return acsRequestHeaders(request, inputs);
  return withAcsHeaders(request, inputs, await payloadHashWith(request.body, digests.sha256Hex));
}
