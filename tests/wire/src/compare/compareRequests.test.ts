import { describe, expect, it } from "vitest";
import { compareRequests, type CompareContext } from "./compareRequests.js";
import { DELIBERATE_DIFFERENCES, DELIBERATE_HEADERS } from "./deliberateDifferences.js";
import { quirkCombinations } from "./officialQuirks.js";
import { signedRequest, type HandMade } from "./signForTest.js";

const AK = "AKID-compare";
const SECRET = "compare-secret-DoNotLeak";
const TOKEN = "compare-sts-token-DoNotLeak";
const ctx: CompareContext = { secret: SECRET, accessKeyId: AK, tokenName: "ClientToken", inputHasToken: true };
const sign = (spec: HandMade) => signedRequest(spec, AK, SECRET);
const BASE: HandMade = { rawQuery: "A=1&B=x%20y" };

function lines(a: HandMade, b: HandMade, c: CompareContext = ctx): string[] {
  return compareRequests(sign(a), sign(b), c).differences.map((d) => (d.deliberate ? `(${d.deliberate}) ${d.line}` : d.line));
}

describe("compareRequests", () => {
  it("finds nothing between a request and itself", () => {
    const r = compareRequests(sign(BASE), sign(BASE), ctx);
    expect(r).toEqual({ differences: [], officialWrong: [], status: "identical" });
  });

  it("counts a user-agent difference as identical (every request has it) but still reports the line", () => {
    const r = compareRequests(sign(BASE), sign({ ...BASE, headers: { "user-agent": "official" } }), ctx);
    expect(r.status).toBe("identical");
    expect(r.differences.map((d) => d.deliberate)).toEqual(["user-agent"]);
  });

  it("reports the method and the decoded path", () => {
    expect(lines(BASE, { ...BASE, method: "GET" })).toContain("method: ours POST, official GET");
    expect(lines({ rawPath: "/a/b%2Fc" }, { rawPath: "/a/b/c" })).toContain('path: ours " / a / b/c", official " / a / b / c"');
    expect(lines({ rawPath: "/a/it%27s" }, { rawPath: "/a/it's" })).toEqual([]);
  });

  it("compares the query decoded as a multiset; another order is deliberate, another value is not", () => {
    expect(lines({ rawQuery: "A=1&B=x%20y" }, { rawQuery: "B=x+y&A=1" })).toEqual(["(query-order) query: same parameters in another order"]);
    expect(lines({ rawQuery: "A=1&B=x%20y" }, { rawQuery: "B=x%20y&A=%31" })).toEqual(["(query-order) query: same parameters in another order"]);
    expect(lines({ rawQuery: "A=1&A=1" }, { rawQuery: "A=1" })).toEqual(["query: only ours A=\"1\"; only official -"]);
    expect(lines({ rawQuery: "A=1+2" }, { rawQuery: "A=1%2B2" })).toEqual(['query: only ours A="1 2"; only official A="1+2"']);
    const json = (v: string) => `J=${encodeURIComponent(v)}`;
    expect(lines({ rawQuery: json('[{"a":1,"b":"x"}]') }, { rawQuery: json('[{"b":"x","a":1}]') })).toEqual(["(json-serialization) query: J is the same JSON value serialized differently"]);
    expect(lines({ rawQuery: json('{"a":1}') }, { rawQuery: json('{"a":2}') })).toEqual(['query: only ours J="{\\"a\\":1}"; only official J="{\\"a\\":2}"']);
  });

  it("explains our ClientToken only when the input omitted it", () => {
    const ours = { rawQuery: "A=1&ClientToken=3f1c-uuid" };
    expect(lines(ours, { rawQuery: "A=1" }, { ...ctx, inputHasToken: false })).toEqual(["(client-token) query: only ours sends ClientToken (a UUID filled per call)"]);
    expect(lines(ours, { rawQuery: "A=1" })).toEqual(['query: only ours ClientToken="3f1c-uuid"; only official -']);
    const json = { "content-type": "application/json; charset=utf-8" };
    expect(lines({ headers: json, body: '{"a":1,"ClientToken":"u"}' }, { headers: json, body: '{"a":1}' }, { ...ctx, inputHasToken: false })).toEqual([
      "(client-token) body: only ours sends ClientToken (a UUID filled per call)",
    ]);
  });

  it("compares form bodies as pairs, JSON bodies parsed, other bodies as bytes", () => {
    const form = { "content-type": "application/x-www-form-urlencoded" };
    expect(lines({ headers: form, body: "a=1&b=2" }, { headers: form, body: "b=2&a=%31" })).toEqual(["(form-order) body: same form pairs in another order"]);
    expect(lines({ headers: form, body: "a=1" }, { headers: form, body: "a=2" })).toEqual(['body: only ours a="1"; only official a="2"']);
    const json = { "content-type": "application/json; charset=utf-8" };
    expect(lines({ headers: json, body: '{"a":1,"b":[1,{"c":"x"}]}' }, { headers: json, body: '{"b":[1,{"c":"x"}],"a":1}' })).toEqual([
      "(json-serialization) body: the same JSON value serialized differently",
    ]);
    expect(lines({ headers: json, body: '{"a":1,"b":{"c":"x"}}' }, { headers: json, body: '{"a":"1","b":{}}' })).toEqual([
      'body .a: ours 1, official "1"',
      'body .b.c: ours "x", official (absent)',
    ]);
    const bytes = { "content-type": "application/octet-stream" };
    expect(lines({ headers: bytes, body: Buffer.from([0, 1, 2]) }, { headers: bytes, body: Buffer.from([0, 1, 3, 4]) })).toEqual([
      "body bytes: ours 3 bytes, official 4 bytes, first difference at byte 2",
    ]);
  });

  it("reports another content type (signed, so in the signed values too)", () => {
    const out = lines({ headers: { "content-type": "application/json" }, body: "{}" }, { headers: { "content-type": "application/x-www-form-urlencoded" }, body: "{}" });
    expect(out).toContain("body: ours json (2 bytes), official form (2 bytes)");
    expect(out).toContain('header content-type: ours "application/json", official "application/x-www-form-urlencoded"');
  });

  it("labels framing, credentials-provider and retry headers deliberate; any other header is not", () => {
    expect(lines({ headers: { "content-length": "3" }, body: "a=1" }, { headers: { "transfer-encoding": "chunked" }, body: "a=1" }).sort()).toEqual([
      '(framing) header content-length: ours "3", official (absent)',
      '(framing) header transfer-encoding: ours (absent), official "chunked"',
    ]);
    expect(lines(BASE, { ...BASE, headers: { "x-acs-credentials-provider": "static_ak" } })).toEqual([
      '(credentials-provider) header x-acs-credentials-provider: ours (absent), official "static_ak"',
      "(credentials-provider) signed headers: only official signs x-acs-credentials-provider",
    ]);
    expect(lines(BASE, { ...BASE, headers: { "x-acs-retry-attempts": "1" } })[0]).toMatch(/^\(retry-headers\)/);
    expect(lines(BASE, { ...BASE, headers: { "x-acs-extra": "1" } })).toEqual(['header x-acs-extra: ours (absent), official "1"', "signed headers: only official signs x-acs-extra"]);
    expect(lines(BASE, { ...BASE, headers: { accept: "*/*" } })).toEqual(['header accept: ours "application/json", official "*/*"']);
  });

  it("verifies both signatures independently", () => {
    const good = sign(BASE);
    const forged = { ...good, rawQuery: "A=2&B=x%20y" };
    const r = compareRequests(forged, good, ctx);
    expect(r.status).toBe("unexplained");
    expect(r.differences.map((d) => d.line)).toContain("our signature does not verify: signature mismatch");
    const r2 = compareRequests(good, forged, ctx);
    expect(r2.differences.map((d) => d.line)).toContain("official signature does not verify: signature mismatch");
  });

  it("names the official client wrong when only its quirk verifies, and checks our path against the metadata", () => {
    const quirk = quirkCombinations().find((c) => c.ids.join() === "official-path-sub-delims")!;
    const theirs = signedRequest({ rawPath: "/clusters/it%27s(1)" }, AK, SECRET, quirk.rules);
    const pathCtx = { ...ctx, pathTemplate: "/clusters/{ClusterId}", pathValues: { ClusterId: "it's(1)" } };
    const good = compareRequests(sign({ rawPath: "/clusters/it%27s%281%29" }), theirs, pathCtx);
    expect(good).toMatchObject({ status: "identical", officialWrong: ["official-path-sub-delims"], differences: [] });
    const bad = compareRequests(sign({ rawPath: "/clusters/it%27s%281%29/x" }), theirs, pathCtx);
    expect(bad.differences.map((d) => d.line)).toContain("metadata: our path \" / clusters / it's(1) / x\" is not the metadata's \" / clusters / it's(1)\"");
  });

  it("checks the STS headers on both sides and never prints a secret, the token or a signature", () => {
    const sts = (token: string, q: string) => signedRequest({ rawQuery: q, headers: { "x-acs-security-token": token, "x-acs-accesskey-id": AK } }, AK, SECRET);
    const r = compareRequests(sts(TOKEN, "A=1"), sts(`${TOKEN}-other`, "A=2"), { ...ctx, securityToken: TOKEN });
    const text = r.differences.map((d) => d.line).join("\n");
    expect(text).toContain("header x-acs-security-token: ours (redacted), official (redacted)");
    expect(text).toContain("official does not send the STS token in x-acs-security-token");
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(SECRET);
    expect(text).not.toMatch(/Signature=|[0-9a-f]{64}/);
  });

  it("explains every deliberate header by an entry of the one list", () => {
    for (const id of Object.values(DELIBERATE_HEADERS)) expect(DELIBERATE_DIFFERENCES[id].reason.length).toBeGreaterThan(20);
  });
});
