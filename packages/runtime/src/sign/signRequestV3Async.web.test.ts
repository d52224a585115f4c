import { describe, expect, it, vi } from "vitest";
import { acsRequestHeaders, signRequestV3, type SignableRequest } from "./signRequestV3.js";
import { acsRequestHeadersAsync, signRequestV3Async } from "./signRequestV3Async.js";
import { SIGNATURE_VECTORS } from "./test-helpers/signatureVectors.js";

// The portable build's platform: Web Crypto only, as on Cloudflare Workers (scripts/platformPlugin.mjs swaps
// the module the same way when it builds dist/web/).
vi.mock("../platform/digest.js", () => import("../platform/digest.web.js"));

describe("signRequestV3Async (Web Crypto)", () => {
  it.each(SIGNATURE_VECTORS.map((v) => [v.name, v] as const))("matches the frozen vector: %s", async (_, vector) => {
    const signed = await signRequestV3Async(vector.request, vector.credentials, vector.inputs);
    expect(signed.canonicalRequest).toBe(vector.canonicalRequest);
    expect(signed.headers.authorization).toBe(vector.authorization);
  });

  it("hashes a body (text and bytes alike) into x-acs-content-sha256", async () => {
    const inputs = { date: "2024-06-24T08:00:00Z", nonce: "n" };
    const text: SignableRequest = { method: "POST", host: "h", pathname: "/", query: [], headers: {}, body: "abc" };
    const headers = await acsRequestHeadersAsync(text, inputs);
    expect(headers["x-acs-content-sha256"]).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const bytes = await signRequestV3Async({ ...text, body: new TextEncoder().encode("abc") }, { accessKeyId: "id", accessKeySecret: "s" }, inputs);
    expect(bytes.headers["x-acs-content-sha256"]).toBe(headers["x-acs-content-sha256"]);
  });

  it("refuses the synchronous signer with a message that names the asynchronous one", () => {
    const request: SignableRequest = { method: "GET", host: "h", pathname: "/", query: [], headers: {} };
    expect(() => signRequestV3(request, { accessKeyId: "id", accessKeySecret: "s" }, { date: "d", nonce: "n" })).toThrow(/use signRequestV3Async/);
    expect(() => acsRequestHeaders(request, { date: "d", nonce: "n" })).toThrow(/use acsRequestHeadersAsync/);
  });
});
