import { describe, expect, it } from "vitest";
import { definedOnly } from "./definedOnly.js";

describe("definedOnly", () => {
  it("drops undefined properties so a spread cannot overwrite a lower level with undefined", () => {
    expect({ a: 1, b: 2, ...definedOnly({ a: undefined, b: 3, c: null }) }).toEqual({ a: 1, b: 3, c: null });
  });
});
