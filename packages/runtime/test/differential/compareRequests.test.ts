import { describe, expect, it } from "vitest";
import type { ReceivedRequest } from "../../../testing/src/index.js";
import { signRequestV3 } from "../../src/sign/signRequestV3.js";
import { ALLOWED_HEADER_DIFFERENCES, requestDifferences } from "./compareRequests.js";

const SECRET = "compare-test-secret";
const TOKEN = "compare-test-token";

/** A request signed by our signer, as the fake server would record it. */
function recorded(query: [string, string][], extraHeaders: Record<string, string> = {}, securityToken?: string): ReceivedRequest {
  const signed = signRequestV3(
    { method: "POST", host: "127.0.0.1:1", pathname: "/", query, headers: { "x-acs-action": "A", "x-acs-version": "v", ...extraHeaders } },
    { accessKeyId: "AKID", accessKeySecret: SECRET, ...(securityToken ? { securityToken } : {}) },
    { date: "2024-06-24T08:00:00Z", nonce: "n" },
  );
  return { method: "POST", pathname: "/", rawQuery: "", query, headers: signed.headers, body: "" };
}

describe("requestDifferences", () => {
  it("finds none between a request and itself, whatever the query order", () => {
    const a = recorded([["A", "1"], ["B", "2"]]);
    expect(requestDifferences(a, { ...a, query: [...a.query].reverse() }, SECRET)).toEqual([]);
  });

  it("ignores only the allow-listed headers", () => {
    const a = recorded([["A", "1"]]);
    expect(Object.keys(ALLOWED_HEADER_DIFFERENCES)).toContain("user-agent");
    expect(requestDifferences(a, { ...a, headers: { ...a.headers, "user-agent": "other" } }, SECRET)).toEqual([]);
    expect(requestDifferences(a, { ...a, headers: { ...a.headers, accept: "*/*" } }, SECRET)).toEqual(["header accept: ours (absent), official \"*/*\""]);
  });

  it("allows framing headers to differ only when there is a body", () => {
    const framing = { "content-length": "0" };
    const a = recorded([["A", "1"]], framing);
    const chunked = { ...a, headers: { ...a.headers, "transfer-encoding": "chunked" } };
    expect(requestDifferences(a, chunked, SECRET)).toEqual(['header transfer-encoding: ours (absent), official "chunked"']);
    const withBody = (r: ReceivedRequest): ReceivedRequest => ({ ...r, body: "k=v" });
    const diffs = requestDifferences(withBody(a), withBody(chunked), SECRET);
    expect(diffs.some((d) => d.includes("transfer-encoding"))).toBe(false);
  });

  it("reports a different query value, with its own signature and canonical request", () => {
    const diffs = requestDifferences(recorded([["A", "1"]]), recorded([["A", "2"]]), SECRET);
    expect(diffs[0]).toBe('query: only ours ["A","1"]; only official ["A","2"]');
    expect(diffs.some((d) => d.startsWith("header authorization:"))).toBe(true);
    expect(diffs.some((d) => d.startsWith("canonical request:"))).toBe(true);
  });

  it("reports method, path and body differences and a signature that does not verify", () => {
    const a = recorded([["A", "1"]]);
    const diffs = requestDifferences(a, { ...a, method: "GET", pathname: "/x", body: "k=v" }, SECRET);
    expect(diffs).toContain("method: ours POST, official GET");
    expect(diffs).toContain("path: ours /, official /x");
    expect(diffs).toContain('body: ours "", official "k=v"');
    expect(diffs.some((d) => d.startsWith("official signature does not verify"))).toBe(true);
  });

  it("never prints the signature or the security token", () => {
    const a = recorded([["A", "1"]], {}, TOKEN);
    const b = recorded([["A", "2"]], {}, `${TOKEN}-2`);
    const text = requestDifferences(a, b, SECRET).join("\n");
    expect(text).toContain("header x-acs-security-token: ours (redacted), official (redacted)");
    expect(text).not.toContain(TOKEN);
    expect(text).not.toMatch(/Signature=[0-9a-f]{64}/);
    expect(text).not.toContain(SECRET);
  });
});
