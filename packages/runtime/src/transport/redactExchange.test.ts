import { describe, expect, it } from "vitest";
import { ACCESS_KEY_ID_MARKER } from "./fixture.js";
import { fixtureFromExchange, splitRequestPath } from "./redactExchange.js";
import type { HttpRequest, HttpResponse } from "./types.js";

const KEY_ID = "LTAI5tRECORDERKEYID12345";
const TOKEN = "STS-token-that-must-not-be-written";
const SIGNATURE = "a".repeat(64);

function request(overrides: Partial<HttpRequest> = {}): HttpRequest {
  return {
    method: "post",
    protocol: "https:",
    host: "nas.cn-hangzhou.aliyuncs.com",
    path: "/?FileSystemId=fs%201&Tag.1.Key=a%2Bb&Signature=old&Owner=" + KEY_ID,
    headers: {
      "x-acs-action": "DescribeThing",
      "X-Acs-Version": "2017-06-26",
      "x-acs-accesskey-id": KEY_ID,
      "x-acs-security-token": TOKEN,
      "content-length": "0",
      authorization: `ACS3-HMAC-SHA256 Credential=${KEY_ID},SignedHeaders=host;x-acs-accesskey-id;x-acs-action;x-acs-security-token,Signature=${SIGNATURE}`,
    },
    ...overrides,
  };
}

const ok: HttpResponse = { status: 200, headers: { "x-acs-request-id": "R-1", "set-cookie": "s=1" }, body: `{"RequestId":"R-1","Owner":"${KEY_ID}"}` };

function exchange(req: HttpRequest, res: HttpResponse) {
  return { source: "live" as const, operation: { product: "NAS", apiVersion: "2017-06-26", action: "DescribeThing" }, input: { FileSystemId: "fs 1" }, request: req, response: res };
}

describe("fixtureFromExchange", () => {
  it("also drops a security token that the response echoes percent-encoded", () => {
    const token = "STS/token+with=reserved/chars";
    const req = request({ headers: { ...request().headers, "x-acs-security-token": token } });
    const echoed: HttpResponse = { status: 200, headers: { "x-echo": encodeURIComponent(token) }, body: `{"RequestId":"R-2","Echo":"${encodeURIComponent(token)}"}` };
    const text = JSON.stringify(fixtureFromExchange(exchange(req, echoed)));
    expect(text).not.toContain(token);
    expect(text).not.toContain(encodeURIComponent(token));
    expect(text).toContain("<REDACTED>");
  });

  it("keeps the signed-header list but no signature, token or access key id anywhere", () => {
    const fixture = fixtureFromExchange(exchange(request(), ok));
    const text = JSON.stringify(fixture);
    for (const secret of [KEY_ID, TOKEN, SIGNATURE]) expect(text).not.toContain(secret);
    expect(fixture.request.signedHeaders).toEqual(["host", "x-acs-accesskey-id", "x-acs-action", "x-acs-security-token"]);
    expect(fixture.request.headers).toEqual({ "x-acs-accesskey-id": ACCESS_KEY_ID_MARKER, "x-acs-action": "DescribeThing", "x-acs-version": "2017-06-26" });
    expect(fixture.response.headers).toEqual({ "x-acs-request-id": "R-1" });
  });

  it("decodes the query in order, drops V2 credential parameters and masks echoed key ids", () => {
    const fixture = fixtureFromExchange(exchange(request(), ok));
    expect(fixture.request.method).toBe("POST");
    expect(fixture.request.query).toEqual([
      ["FileSystemId", "fs 1"],
      ["Tag.1.Key", "a+b"],
      ["Owner", ACCESS_KEY_ID_MARKER],
    ]);
    expect(fixture.expected).toEqual({ output: { RequestId: "R-1", Owner: ACCESS_KEY_ID_MARKER } });
  });

  it("records a service error as its class, code, status and request id", () => {
    const res: HttpResponse = { status: 404, headers: {}, body: '{"RequestId":"R-2","Code":"InvalidThing.NotFound","Message":"gone"}' };
    expect(fixtureFromExchange(exchange(request(), res)).expected).toEqual({
      error: { name: "ServiceError", code: "InvalidThing.NotFound", httpStatus: 404, requestId: "R-2" },
    });
  });

  it("records an undecodable body as a MalformedResponseError", () => {
    const res: HttpResponse = { status: 502, headers: { "x-acs-request-id": "R-3" }, body: "<html>bad gateway</html>" };
    expect(fixtureFromExchange(exchange(request(), res)).expected).toMatchObject({ error: { name: "MalformedResponseError", httpStatus: 502, requestId: "R-3" } });
  });

  it("stores an absent body as null and a form body as sent", () => {
    expect(fixtureFromExchange(exchange(request(), ok)).request.body).toBeNull();
    expect(fixtureFromExchange(exchange(request({ body: "A=1&B=2" }), ok)).request.body).toBe("A=1&B=2");
  });
});

describe("splitRequestPath", () => {
  it("decodes path segments and query pairs, keeping empty values", () => {
    expect(splitRequestPath("/a%20b/c?x=&y=%E4%B8%AD&z")).toEqual({ pathname: "/a b/c", query: [["x", ""], ["y", "中"], ["z", ""]] });
  });
});
