import OpenApiUtil from "@alicloud/openapi-util";
import { describe, expect, it } from "vitest";
import type { ReceivedRequest } from "./fakeServer.js";
import { verifySignatureV3 } from "./verifySignatureV3.js";

const SECRET = "verifier-test-secret";
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** A request signed by Alibaba's official util, as the fake server would record it. */
function officiallySigned(): ReceivedRequest {
  const query = { Action: "X", "Tag.1.Key": "a b*~", Name: "ünï/=&" };
  const headers: Record<string, string> = {
    host: "127.0.0.1:1",
    "x-acs-action": "CancelDataFlowSubTask",
    "x-acs-version": "2017-06-26",
    "x-acs-date": "2024-06-24T08:00:00Z",
    "x-acs-signature-nonce": "n-1",
    "x-acs-content-sha256": EMPTY_SHA256,
  };
  // A CommonJS module whose default export is the class; loaders disagree on unwrapping it.
  type Signer = { getAuthorization(req: object, algorithm: string, payload: string, id: string, secret: string): string };
  const util = ((OpenApiUtil as unknown as { default?: Signer }).default ?? OpenApiUtil) as unknown as Signer;
  const authorization = util.getAuthorization({ pathname: "/", method: "POST", query, headers }, "ACS3-HMAC-SHA256", EMPTY_SHA256, "AKID", SECRET);
  return { method: "POST", pathname: "/", rawQuery: "", query: Object.entries(query), headers: { ...headers, authorization }, body: "" };
}

describe("verifySignatureV3", () => {
  it("accepts a request signed by the official @alicloud/openapi-util", () => {
    const check = verifySignatureV3(officiallySigned(), SECRET);
    expect(check.reason).toBe("");
    expect(check.ok).toBe(true);
    expect(check.accessKeyId).toBe("AKID");
  });

  it.each([
    ["a changed query value", (r: ReceivedRequest): ReceivedRequest => ({ ...r, query: r.query.map(([k, v]) => [k, k === "Action" ? "Y" : v] as const) })],
    ["a changed signed header", (r: ReceivedRequest): ReceivedRequest => ({ ...r, headers: { ...r.headers, "x-acs-action": "DeleteDataFlow" } })],
    ["a body that does not match its hash", (r: ReceivedRequest): ReceivedRequest => ({ ...r, body: "x=1" })],
    ["a changed method", (r: ReceivedRequest): ReceivedRequest => ({ ...r, method: "GET" })],
  ])("rejects %s", (_, tamper) => {
    expect(verifySignatureV3(tamper(officiallySigned()), SECRET).ok).toBe(false);
  });

  it("rejects the right request checked with the wrong secret", () => {
    expect(verifySignatureV3(officiallySigned(), "other").ok).toBe(false);
  });
});
