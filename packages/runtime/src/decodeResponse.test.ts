import { describe, expect, it } from "vitest";
import { decodeResponse } from "./decodeResponse.js";
import { MalformedResponseError } from "./errors/MalformedResponseError.js";
import { ServiceError } from "./errors/ServiceError.js";
import type { HttpResponse } from "./transport/types.js";

const res = (status: number, body: string, headers: Record<string, string> = {}): HttpResponse => ({ status, headers, body });
function thrown(response: HttpResponse): unknown {
  try {
    decodeResponse(response, { action: "DoThing" });
  } catch (e) {
    return e;
  }
  throw new Error("expected decodeResponse to throw");
}

describe("decodeResponse", () => {
  it("returns the JSON object of a 2xx", () => {
    expect(decodeResponse(res(200, ' {"RequestId":"r","Items":[1]} '), { action: "A" })).toEqual({ RequestId: "r", Items: [1] });
    expect(decodeResponse(res(204, "{}"), { action: "A" })).toEqual({});
  });

  it("turns an error body into a ServiceError for the action, with lower-case field names too", () => {
    const e = thrown(res(404, '{"requestId":"r-2","code":"NotFound","message":"gone"}'));
    expect(e).toBeInstanceOf(ServiceError);
    expect(e).toMatchObject({ action: "DoThing", code: "NotFound", serviceMessage: "gone", requestId: "r-2", httpStatus: 404, hostId: undefined });
  });

  it("takes the request id from x-acs-request-id when the body has none", () => {
    expect(thrown(res(500, '{"Code":"InternalError"}', { "x-acs-request-id": "hdr" }))).toMatchObject({ requestId: "hdr", serviceMessage: "" });
    expect(thrown(res(502, "<html/>", { "x-acs-request-id": "hdr" }))).toMatchObject({ reason: "html", requestId: "hdr" });
  });

  it("prefers the body's request id over the header's", () => {
    expect(thrown(res(400, '{"Code":"X","RequestId":"body"}', { "x-acs-request-id": "hdr" }))).toMatchObject({ requestId: "body" });
  });

  it.each<[string, HttpResponse, string]>([
    ["empty", res(200, ""), "empty"],
    ["html", res(502, "<!DOCTYPE html>"), "html"],
    ["not-json", res(200, "OK"), "not-json"],
    ["truncated object", res(200, '{"a":'), "truncated"],
    ["truncated array", res(200, "[1,"), "truncated"],
    ["a number", res(200, "42"), "not-an-object"],
    ["an array", res(200, "[]"), "not-an-object"],
    ["an error body without Code", res(400, '{"Message":"x"}'), "no-error-code"],
    ["an error whose Code is not a string", res(400, '{"Code":12}'), "no-error-code"],
  ])("reports %s as MalformedResponseError", (_, response, reason) => {
    const e = thrown(response);
    expect(e).toBeInstanceOf(MalformedResponseError);
    expect(e).toMatchObject({ reason, httpStatus: response.status });
  });

  it("resolves a 2xx whose JSON carries Code and Message, as the official client does (services answer successes with codes)", () => {
    const body = { RequestId: "r", Code: "InvalidParameter", Message: "looks like an error", Success: false };
    expect(decodeResponse(res(200, JSON.stringify(body)), { action: "A" })).toEqual(body);
    expect(decodeResponse(res(200, '{"Code":"200","Success":true,"Data":{}}'), { action: "A" })).toEqual({ Code: "200", Success: true, Data: {} });
  });

  it("never quotes the body in the message", () => {
    const e = thrown(res(200, "this-is-the-body-text"));
    expect((e as Error).message).not.toContain("this-is-the-body-text");
  });
});

describe("decodeResponse: success kinds", () => {
  const op = (response: "json" | "array" | "string" | "binary" | "none") => ({ action: "A", response });

  it("returns a JSON array for an array operation and refuses an object there", () => {
    expect(decodeResponse(res(200, '[{"id":1}]'), op("array"))).toEqual([{ id: 1 }]);
    expect(() => decodeResponse(res(200, '{"id":1}'), op("array"))).toThrow(MalformedResponseError);
  });

  it("returns the text of a string operation and the bytes of a binary one", () => {
    expect(decodeResponse(res(200, "curl http://x | sh"), op("string"))).toBe("curl http://x | sh");
    const bytes = new Uint8Array([0, 255, 1]);
    expect(decodeResponse({ status: 200, headers: {}, body: bytes }, op("binary"))).toBe(bytes);
    expect(decodeResponse(res(200, "ü"), op("binary"))).toEqual(new TextEncoder().encode("ü"));
  });

  it("ignores the body of an operation that documents none, and accepts an empty 204 anywhere", () => {
    expect(decodeResponse(res(202, ""), op("none"))).toEqual({});
    expect(decodeResponse(res(204, ""), op("json"))).toEqual({});
    expect(() => decodeResponse(res(200, ""), op("json"))).toThrow(MalformedResponseError);
  });

  it("still decodes an error body for every kind", () => {
    for (const kind of ["json", "array", "string", "binary", "none"] as const) {
      expect(() => decodeResponse(res(404, '{"Code":"NotFound","Message":"m"}'), op(kind))).toThrow(ServiceError);
    }
  });

  it("names the product on the ServiceError when it is known", () => {
    let caught: unknown;
    try {
      decodeResponse(res(400, '{"Code":"X"}'), { action: "A", product: "CS" });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ServiceError);
    expect((caught as ServiceError).product).toBe("CS");
  });
});

describe("decodeResponse: XML error bodies", () => {
  const XML = '<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <RequestId>rid-xml</RequestId>\n  <HostId>ecs.aliyuncs.com</HostId>\n  <Code>Forbidden.RAM</Code>\n  <Message>not &amp; never</Message>\n  <Recommend><![CDATA[https://api.aliyun.com/troubleshoot?q=Forbidden.RAM]]></Recommend>\n</Error>';

  it.each(["text/xml;charset=utf-8", "application/xml", undefined])("turns an <Error> document (content-type %s) into a ServiceError with every field", (contentType) => {
    const e = thrown(res(403, XML, contentType ? { "content-type": contentType, "x-acs-request-id": "rid-header" } : {}));
    expect(e).toBeInstanceOf(ServiceError);
    expect(e).toMatchObject({ code: "Forbidden.RAM", serviceMessage: "not & never", requestId: "rid-xml", hostId: "ecs.aliyuncs.com", recommend: "https://api.aliyun.com/troubleshoot?q=Forbidden.RAM", httpStatus: 403, retryable: false });
    expect(JSON.parse(JSON.stringify((e as ServiceError).body))).toMatchObject({ Code: "Forbidden.RAM", RequestId: "rid-xml" });
  });

  it("takes the header request id when the document has none, and is retryable for throttling and 5xx", () => {
    expect(thrown(res(400, "<Error><Code>Throttling.User</Code><Message>slow</Message></Error>", { "x-acs-request-id": "hdr" }))).toMatchObject({ code: "Throttling.User", requestId: "hdr", retryable: true });
    expect(thrown(res(503, "<Error><Code>ServiceUnavailable</Code></Error>"))).toMatchObject({ code: "ServiceUnavailable", retryable: true });
  });

  it("reports an <Error> without a Code as no-error-code, and other markup as html, never quoting it", () => {
    expect(thrown(res(400, "<Error><Message>x</Message></Error>"))).toMatchObject({ reason: "no-error-code", httpStatus: 400 });
    expect(thrown(res(400, "<Error>just text</Error>"))).toMatchObject({ reason: "no-error-code" });
    const html = thrown(res(502, "<html><body>secret-looking page</body></html>", { "x-acs-request-id": "hdr" }));
    expect(html).toMatchObject({ reason: "html", requestId: "hdr" });
    expect((html as Error).message).not.toContain("secret-looking");
    expect(thrown(res(400, "<Error><Code>X</Code><Message>a & b</Message></Error>"))).toMatchObject({ reason: "html" });
  });

  it("does not read XML in a success body", () => {
    expect(thrown({ status: 200, headers: { "content-type": "text/xml" }, body: "<Error><Code>X</Code></Error>" })).toMatchObject({ reason: "html", httpStatus: 200 });
  });
});
