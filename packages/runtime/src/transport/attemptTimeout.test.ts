import { describe, expect, it } from "vitest";
import { MAX_TIMER_MS } from "../validate/validateOptions.js";
import { DEFAULT_ATTEMPT_TIMEOUT_MS, attemptTimeout } from "./attemptTimeout.js";

describe("attemptTimeout", () => {
  it("is 60 s by default", () => {
    expect(DEFAULT_ATTEMPT_TIMEOUT_MS).toBe(60_000);
    expect(attemptTimeout(undefined, 5_000, 10_000)).toBe(60_000);
  });

  it("grows to connect + read timeout when they add up to more, so a raised read timeout still applies", () => {
    expect(attemptTimeout(undefined, 5_000, 120_000)).toBe(125_000);
    expect(attemptTimeout(undefined, MAX_TIMER_MS, MAX_TIMER_MS)).toBe(MAX_TIMER_MS);
  });

  it("uses the value given as is", () => {
    expect(attemptTimeout(250, 5_000, 120_000)).toBe(250);
  });
});
