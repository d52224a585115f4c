import { describe, expect, it } from "vitest";
import { redactRequestJson, redactResponseJson } from "./redactJson.js";
import { scrubber } from "./scrubber.js";

describe("redactRequestJson", () => {
  it("keeps keys and the scalars the schema proves safe, redacting free strings and summarising lists", () => {
    const schema = {
      type: "object",
      properties: { name: { type: "string" }, size: { type: "integer" }, mode: { type: "string", enum: ["fast", "slow"] }, tags: { type: "array", items: { type: "string" } }, meta: { type: "object", additionalProperties: true } },
    } as const;
    expect(redactRequestJson({ name: "hunter2", size: 3, mode: "fast", tags: ["a", "b"], meta: { n: 1, deep: { x: "y" } } }, schema)).toEqual({
      name: "<redacted>",
      size: 3,
      mode: "fast",
      tags: "<2 items>",
      meta: { n: "<redacted>", deep: { x: "<redacted>" } },
    });
  });

  it("redacts everything when there is no schema", () => {
    expect(redactRequestJson({ a: 1, b: true, c: null }, undefined)).toEqual({ a: "<redacted>", b: "<redacted>", c: "<redacted>" });
  });
});

describe("redactResponseJson", () => {
  const scrub = scrubber([["hunter2", "<redacted>"]]);
  it("prints the request id and error fields scrubbed, numbers and booleans, and redacts other strings", () => {
    const answer = { RequestId: "R-1", Code: "InvalidPassword", Message: "password hunter2 is too weak", TotalCount: 2, Truncated: false, Config: "-----BEGIN KEY-----", Items: { Item: [{ Id: "i-1" }] }, Nested: { Message: "not top level" } };
    expect(redactResponseJson(answer, scrub)).toEqual({
      RequestId: "R-1",
      Code: "InvalidPassword",
      Message: "password <redacted> is too weak",
      TotalCount: 2,
      Truncated: false,
      Config: "<redacted>",
      Items: { Item: "<1 items>" },
      Nested: { Message: "<redacted>" },
    });
  });

  it("summarises what lies deeper than four levels, and a list at the top", () => {
    expect(redactResponseJson({ a: { b: { c: { d: { e: 1 } } } } }, scrub)).toEqual({ a: { b: { c: { d: "<object>" } } } });
    expect(redactResponseJson([1, 2], scrub)).toBe("<2 items>");
  });
});
