import { describe, expect, it } from "vitest";
import { acsRequestHeaders, type SignableRequest } from "./signRequestV3.js";
import { acsRequestHeadersAsync, signRequestV3Async } from "./signRequestV3Async.js";
import { SIGNATURE_VECTORS } from "./test-helpers/signatureVectors.js";

// With node:crypto present (this build), the async signer is the sync one behind a promise.
describe("signRequestV3Async (node:crypto)", () => {
  it.each(SIGNATURE_VECTORS.map((v) => [v.name, v] as const))("matches the frozen vector: %s", async (_, vector) => {
    const signed = await signRequestV3Async(vector.request, vector.credentials, vector.inputs);
    expect(signed.canonicalRequest).toBe(vector.canonicalRequest);
    expect(signed.headers.authorization).toBe(vector.authorization);
  });

  it("gives anonymous calls the same unsigned headers", async () => {
    const request: SignableRequest = { method: "POST", host: "h", pathname: "/", query: [], headers: {}, body: "a=1" };
    const inputs = { date: "2024-06-24T08:00:00Z", nonce: "n" };
    expect(await acsRequestHeadersAsync(request, inputs)).toEqual(acsRequestHeaders(request, inputs));
  });
});
