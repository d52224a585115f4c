import { describe, expect, it } from "vitest";
import type { CapturedRequest } from "../capture/captureServer.js";
import { OFFICIAL_QUIRKS, quirkCombinations } from "./officialQuirks.js";
import { canonicalRequestOf, verifySignature } from "./verifySignature.js";

// A frozen vector: this request signed by openapi-core 1.0.8's own `Utils.getAuthorization` (secret
// `VectorSecret`), an implementation independent of this verifier and of our runtime.
const BODY = Buffer.from("Name=a%20b&Tag.1.Key=k");
const VECTOR: CapturedRequest = {
  method: "POST",
  target: "/clusters/c-1%2Fx?Filter=a%20b%2Bc*d~&DryRun=true",
  rawPath: "/clusters/c-1%2Fx",
  rawQuery: "Filter=a%20b%2Bc*d~&DryRun=true",
  headers: {
    host: "127.0.0.1:8080",
    "x-acs-action": "DescribeThings",
    "x-acs-version": "2020-01-01",
    "x-acs-date": "2025-06-01T12:34:56Z",
    "x-acs-signature-nonce": "vector-nonce-0001",
    "x-acs-content-sha256": "f025785d46b9a771368aafa4f1364ce6d62893bc915e35f3c39e16c4b48960f1",
    "content-type": "application/x-www-form-urlencoded",
    accept: "application/json",
    authorization:
      "ACS3-HMAC-SHA256 Credential=VectorAccessKeyId,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=d20c7823a24f82c152f37b3020de19841ee12d8155110b66a5d1ce4aedf6dace",
  },
  rawHeaders: [],
  body: BODY,
};

describe("verifySignature", () => {
  it("verifies the frozen vector from the raw bytes", () => {
    const check = verifySignature(VECTOR, "VectorSecret");
    expect(check).toMatchObject({ ok: true, accessKeyId: "VectorAccessKeyId" });
    expect(check.canonicalRequest.split("\n").slice(0, 3)).toEqual(["POST", "/clusters/c-1%2Fx", "DryRun=true&Filter=a%20b%2Bc%2Ad~"]);
  });

  it("does not care how the client percent-encoded what it sent, only what it means", () => {
    const reencoded = { ...VECTOR, rawQuery: "DryRun=true&Filter=a+b%2Bc%2Ad%7E", rawPath: "/clusters/c%2D1%2fx" };
    expect(verifySignature(reencoded, "VectorSecret").ok).toBe(true);
  });

  it("fails on another secret, a changed body, query, path or signed header value", () => {
    expect(verifySignature(VECTOR, "OtherSecret").reason).toBe("signature mismatch");
    expect(verifySignature({ ...VECTOR, body: Buffer.from("Name=a%20c") }, "VectorSecret").reason).toMatch(/x-acs-content-sha256/);
    expect(verifySignature({ ...VECTOR, rawQuery: "Filter=x&DryRun=true" }, "VectorSecret").ok).toBe(false);
    expect(verifySignature({ ...VECTOR, rawPath: "/clusters/c-1/x" }, "VectorSecret").ok).toBe(false);
    expect(verifySignature({ ...VECTOR, headers: { ...VECTOR.headers, "x-acs-date": "2025-06-01T12:34:57Z" } }, "VectorSecret").ok).toBe(false);
  });

  it("requires the mandatory headers signed and every x-acs-* or content-type header sent to be signed", () => {
    const extra = { ...VECTOR, headers: { ...VECTOR.headers, "x-acs-security-token": "t" } };
    expect(verifySignature(extra, "VectorSecret").reason).toBe("header x-acs-security-token is sent but not signed");
    const auth = VECTOR.headers.authorization!.replace("x-acs-date;", "");
    expect(verifySignature({ ...VECTOR, headers: { ...VECTOR.headers, authorization: auth } }, "VectorSecret").reason).toBe("header x-acs-date is not signed");
    expect(verifySignature({ ...VECTOR, headers: { ...VECTOR.headers, authorization: "Bearer x" } }, "VectorSecret").ok).toBe(false);
  });

  it("rebuilds the canonical request under a quirk's rules when asked", () => {
    const sub = { ...VECTOR, rawPath: "/clusters/it's" };
    const strict = canonicalRequestOf(sub, ["host"]);
    const quirk = quirkCombinations().find((c) => c.ids.join() === "official-path-sub-delims")!;
    expect(strict.split("\n")[1]).toBe("/clusters/it%27s");
    expect(canonicalRequestOf(sub, ["host"], quirk.rules).split("\n")[1]).toBe("/clusters/it's");
    expect(quirkCombinations()).toHaveLength(2 ** OFFICIAL_QUIRKS.length - 1);
  });
});
