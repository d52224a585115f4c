import { describe, expect, it } from "vitest";
import { optionalFlag, optionalInteger, optionalString, type ProfileFields, requiredStrings } from "./profileFields.js";

const fields = (values: Record<string, unknown>): ProfileFields => ({ source: "cli profile", where: 'profile "p"', get: (k) => values[k] });

describe("profile field readers", () => {
  it("requiredStrings returns trimmed values in order and names every missing key at once", () => {
    expect(requiredStrings(fields({ a: " x ", b: "y" }), ["a", "b"])).toEqual(["x", "y"]);
    expect(() => requiredStrings(fields({ a: "", c: 1 }), ["a", "b", "c"])).toThrow('cli profile: profile "p" has no a, b, c');
  });

  it("optionalString treats absent and empty as unset, and refuses non-strings without quoting them", () => {
    expect(optionalString(fields({}), "k")).toBeUndefined();
    expect(optionalString(fields({ k: "" }), "k")).toBeUndefined();
    expect(() => optionalString(fields({ k: { secret: "s" } }), "k")).toThrow('cli profile: profile "p": k is not a string');
  });

  it("optionalInteger reads numbers and numeric strings; 0 is the CLI's unset", () => {
    expect(optionalInteger(fields({ k: 1800 }), "k")).toBe(1800);
    expect(optionalInteger(fields({ k: " 900 " }), "k")).toBe(900);
    expect(optionalInteger(fields({ k: 0 }), "k")).toBeUndefined();
    expect(() => optionalInteger(fields({ k: "15m" }), "k")).toThrow("k is not a whole number");
  });

  it("optionalFlag reads booleans and true/false strings", () => {
    expect(optionalFlag(fields({ k: true }), "k")).toBe(true);
    expect(optionalFlag(fields({ k: "FALSE" }), "k")).toBe(false);
    expect(optionalFlag(fields({}), "k")).toBeUndefined();
    expect(() => optionalFlag(fields({ k: "yes" }), "k")).toThrow("k is not true or false");
  });
});
