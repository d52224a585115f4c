import { describe, expect, it } from "vitest";
import { toCount, toNumber, toTyped } from "./convertValue.js";

describe("metadata values stored as strings", () => {
  it("turns numeric strings into numbers and rejects the rest", () => {
    expect([toNumber("10"), toNumber(" -2.5 "), toNumber(7), toNumber(""), toNumber("ten"), toNumber(Number.NaN)]).toEqual([10, -2.5, 7, undefined, undefined, undefined]);
    expect([toCount("3"), toCount("-1"), toCount("1.5")]).toEqual([3, undefined, undefined]);
  });

  it("converts to the schema's type, keeping int64 values only when they are exact", () => {
    expect(toTyped("integer", "20")).toBe(20);
    expect(toTyped("integer", "9007199254740993")).toBeUndefined();
    expect(toTyped("boolean", "true")).toBe(true);
    expect(toTyped("boolean", "yes")).toBeUndefined();
    expect(toTyped("string", 5)).toBe("5");
    expect(toTyped("number", "1.5")).toBe(1.5);
    expect(toTyped("object", "{}")).toBeUndefined();
  });
});
