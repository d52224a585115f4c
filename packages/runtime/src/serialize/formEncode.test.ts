import { stringify } from "node:querystring";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formEncode } from "./formEncode.js";

describe("formEncode", () => {
  it("encodes like the official clients: `!'()*~` stay, spaces are %20, `+/=&%` and non-ASCII are escaped", () => {
    expect(formEncode([["Content", "a b*~'()!+/=&%ü"], ["Empty", ""]])).toBe("Content=a%20b*~'()!%2B%2F%3D%26%25%C3%BC&Empty=");
  });

  it("is empty for no parameters", () => {
    expect(formEncode([])).toBe("");
  });

  it("matches node:querystring.stringify (what @alicloud/tea-util's toFormString calls) on any names and values", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.string({ unit: "binary" }), fc.string({ unit: "binary" })), { selector: ([k]) => k }), (pairs) => {
        expect(formEncode(pairs)).toBe(stringify(Object.fromEntries(pairs)));
      }),
    );
  });
});
