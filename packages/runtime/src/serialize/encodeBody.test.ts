import { describe, expect, it } from "vitest";
import type { ParameterDescriptor } from "../operation.js";
import { BINARY_CONTENT_TYPE, FORM_CONTENT_TYPE, JSON_CONTENT_TYPE, encodeBody } from "./encodeBody.js";

const field = (name: string, type: ParameterDescriptor["schema"]["type"] = "string", extra: Partial<ParameterDescriptor> = {}): ParameterDescriptor => ({
  name,
  in: "body",
  schema: { type },
  ...extra,
});

describe("encodeBody", () => {
  it("sends no body for an operation without body parameters", () => {
    expect(encodeBody(undefined, [])).toBeUndefined();
  });

  it("form-encodes fields flattened like query parameters, in parameter order", () => {
    const tunnels = field("Tunnels", "array");
    expect(encodeBody({ encoding: "form" }, [[field("Name"), "a b"], [tunnels, [{ Id: "t/1" }, { Id: "t2" }]]])).toEqual({
      bytes: "Name=a%20b&Tunnels.1.Id=t%2F1&Tunnels.2.Id=t2",
      contentType: FORM_CONTENT_TYPE,
    });
  });

  it("sends a 0-byte form, with its content type, when the operation always sends one", () => {
    expect(encodeBody({ encoding: "form", sendEmpty: true }, [])).toEqual({ bytes: "", contentType: FORM_CONTENT_TYPE });
    expect(encodeBody({ encoding: "form" }, [])).toBeUndefined();
  });

  it("sends the root parameter's value as the JSON body: an object or an array", () => {
    const body = field("body", "object");
    expect(encodeBody({ encoding: "json", root: "body" }, [[body, { instances: ["i-1"], format_disk: false }]])).toEqual({
      bytes: '{"instances":["i-1"],"format_disk":false}',
      contentType: JSON_CONTENT_TYPE,
    });
    const addons = field("addons", "array");
    expect(encodeBody({ encoding: "json", root: "addons" }, [[addons, [{ name: "a" }]]])?.bytes).toBe('[{"name":"a"}]');
  });

  it("sends {} for an absent root object only when the official client always builds one", () => {
    expect(encodeBody({ encoding: "json", root: "body", sendEmpty: true }, [])).toEqual({ bytes: "{}", contentType: JSON_CONTENT_TYPE });
    expect(encodeBody({ encoding: "json", root: "body" }, [])).toBeUndefined();
  });

  it("sends several JSON body parameters as the fields of one object", () => {
    expect(encodeBody({ encoding: "json" }, [[field("a"), "x"], [field("n", "integer"), 2]])?.bytes).toBe('{"a":"x","n":2}');
  });

  it("sends bytes as they are and a string as UTF-8 for a binary body", () => {
    const payload = field("body", "string", { schema: { type: "string", format: "binary" } });
    const bytes = new Uint8Array([0, 1, 255]);
    expect(encodeBody({ encoding: "binary", root: "body" }, [[payload, bytes]])).toEqual({ bytes, contentType: BINARY_CONTENT_TYPE });
    expect(encodeBody({ encoding: "binary", root: "body" }, [[payload, "ü"]])?.bytes).toEqual(new Uint8Array([0xc3, 0xbc]));
    expect(encodeBody({ encoding: "binary", root: "body" }, [])).toBeUndefined();
  });
});
