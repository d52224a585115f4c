import { describe, expect, it } from "vitest";
import { isLogLevel, levelEnabled, logLevelFromEnv } from "./logLevel.js";

describe("log levels", () => {
  it("each level includes the less verbose ones", () => {
    expect(levelEnabled("debug", "error")).toBe(true);
    expect(levelEnabled("info", "warn")).toBe(true);
    expect(levelEnabled("info", "debug")).toBe(false);
    expect(levelEnabled("error", "warn")).toBe(false);
  });

  it("reads ACS_LOG in any case, ignoring values that are not a level", () => {
    expect(logLevelFromEnv(" DEBUG ")).toBe("debug");
    expect(logLevelFromEnv("warn")).toBe("warn");
    expect(logLevelFromEnv("verbose")).toBeUndefined();
    expect(logLevelFromEnv("")).toBeUndefined();
    expect(logLevelFromEnv(undefined)).toBeUndefined();
  });

  it("knows the four levels only", () => {
    expect(["error", "warn", "info", "debug"].every(isLogLevel)).toBe(true);
    expect(isLogLevel("trace")).toBe(false);
    expect(isLogLevel(3)).toBe(false);
  });
});
