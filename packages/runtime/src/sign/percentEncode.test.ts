import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { percentEncode, percentEncodePath } from "./percentEncode.js";
import { officialUtil } from "./test-helpers/officialUtil.js";

describe("percentEncode", () => {
  it("keeps exactly the RFC 3986 unreserved characters", () => {
    const unreserved = "ABCXYZabcxyz0189-_.~";
    expect(percentEncode(unreserved)).toBe(unreserved);
  });

  it.each([
    ["!", "%21"],
    ["'", "%27"],
    ["(", "%28"],
    [")", "%29"],
    ["*", "%2A"],
    [" ", "%20"],
    ["+", "%2B"],
    ["/", "%2F"],
    ["%", "%25"],
    ["=", "%3D"],
    ["&", "%26"],
    ["?", "%3F"],
    ["#", "%23"],
    [",", "%2C"],
    [":", "%3A"],
    ["@", "%40"],
    ["\n", "%0A"],
    ["\u0000", "%00"],
    ["ü", "%C3%BC"],
    ["中", "%E4%B8%AD"],
    ["😀", "%F0%9F%98%80"],
    ["%2A", "%252A"],
    ["", ""],
  ])("encodes %j as %s", (input, expected) => {
    expect(percentEncode(input)).toBe(expected);
  });

  it("uses upper-case hex digits", () => {
    expect(percentEncode("\u00ff\u00ab")).toBe("%C3%BF%C2%AB");
  });

  it("rejects a lone surrogate rather than sending a malformed value", () => {
    expect(() => percentEncode("\ud800")).toThrow(URIError);
  });

  it("round-trips through decodeURIComponent and leaves only unreserved characters and escapes", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const encoded = percentEncode(s);
        expect(encoded).toMatch(/^(?:[A-Za-z0-9\-_.~]|%[0-9A-F]{2})*$/);
        expect(decodeURIComponent(encoded)).toBe(s);
      }),
    );
  });

  it("agrees with the official @alicloud/openapi-util encoder on any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        expect(percentEncode(s)).toBe(officialUtil.getEncodeParam(s));
      }),
      { numRuns: 500 },
    );
  });
});

describe("percentEncodePath", () => {
  it("encodes each segment and keeps the separators", () => {
    expect(percentEncodePath("/clusters/a b*/~x+y")).toBe("/clusters/a%20b%2A/~x%2By");
    expect(percentEncodePath("/")).toBe("/");
  });

  it("agrees with the official getEncodePath", () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: "binary" })), (segments) => {
      const path = "/" + segments.join("/");
      expect(percentEncodePath(path)).toBe(officialUtil.getEncodePath(path));
    }));
  });
});
