import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { ForeignError, foreignErrorName, summarizeForeignError } from "./foreignError.js";

describe("summarizeForeignError", () => {
  it("keeps the class name and a syscall code, and nothing of the message, stack or cause", () => {
    const original = Object.assign(new TypeError("token=SeCrEt"), { code: "ECONNRESET", cause: new Error("SeCrEt again") });
    const summary = summarizeForeignError(original);
    expect(summary).toBeInstanceOf(ForeignError);
    expect(summary).toMatchObject({ name: "ForeignError[TypeError]", code: "ECONNRESET" });
    expect(inspect(summary, { depth: 5 })).not.toContain("SeCrEt");
  });

  it("drops codes that are not syscall-style, and names non-errors by type", () => {
    expect(summarizeForeignError(Object.assign(new Error("x"), { code: "has spaces SeCrEt" })).code).toBeUndefined();
    expect(foreignErrorName("a string")).toBe("string");
    expect(foreignErrorName(Object.assign(new Error("x"), { name: "evil name with SeCrEt" }))).toBe("Error");
  });
});
