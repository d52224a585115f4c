import { describe, expect, it } from "vitest";
import { isEnvTrue, readEnv } from "./envVar.js";

describe("readEnv", () => {
  it("returns the trimmed value", () => {
    expect(readEnv({ A: "  value\n" }, "A")).toBe("value");
  });

  it("treats unset, empty and blank as undefined", () => {
    expect(readEnv({}, "A")).toBeUndefined();
    expect(readEnv({ A: "" }, "A")).toBeUndefined();
    expect(readEnv({ A: "   " }, "A")).toBeUndefined();
  });
});

describe("isEnvTrue", () => {
  it("accepts true in any case", () => {
    expect(isEnvTrue({ F: "true" }, "F")).toBe(true);
    expect(isEnvTrue({ F: "TRUE" }, "F")).toBe(true);
    expect(isEnvTrue({ F: " True " }, "F")).toBe(true);
  });

  it("rejects anything else", () => {
    expect(isEnvTrue({}, "F")).toBe(false);
    expect(isEnvTrue({ F: "1" }, "F")).toBe(false);
    expect(isEnvTrue({ F: "yes" }, "F")).toBe(false);
    expect(isEnvTrue({ F: "false" }, "F")).toBe(false);
  });
});
