import { describe, expect, it } from "vitest";
import { MAX_TIMER_MS, checkOption, validateOptions, type NumericOptionName } from "./validateOptions.js";

const DELAYS: NumericOptionName[] = ["connectTimeoutMs", "readTimeoutMs", "attemptTimeoutMs", "timeoutMs"];
const BACKOFF: NumericOptionName[] = ["retry.baseDelayMs", "retry.maxDelayMs"];
const WHOLE: NumericOptionName[] = ["maxAttempts", "maxResponseBytes"];

/** Values no option takes. */
const NEVER: unknown[] = [-5, -1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, "100", null, {}, [], true, 10n];

describe("checkOption", () => {
  it.each([...DELAYS, ...BACKOFF, ...WHOLE])("%s: rejects non-numbers, NaN, infinities and negatives with a RangeError", (name) => {
    for (const value of NEVER) expect(() => checkOption(name, value), String(value)).toThrow(RangeError);
  });

  it.each(DELAYS)("%s: rejects 0 and anything above 2^31−1 ms (a Node timer fires at once beyond it), accepts 1 to 2^31−1 and fractions", (name) => {
    for (const bad of [0, -0, 0.5, MAX_TIMER_MS + 1, 2 ** 31, Number.MAX_SAFE_INTEGER]) expect(() => checkOption(name, bad), String(bad)).toThrow(RangeError);
    for (const good of [1, 1.5, 250, MAX_TIMER_MS]) expect(() => checkOption(name, good)).not.toThrow();
  });

  it.each(BACKOFF)("%s: accepts 0 (no wait) up to 2^31−1 ms", (name) => {
    for (const good of [0, 1, MAX_TIMER_MS]) expect(() => checkOption(name, good)).not.toThrow();
    expect(() => checkOption(name, 2 ** 31)).toThrow(RangeError);
  });

  it.each(WHOLE)("%s: takes whole numbers from 1 only", (name) => {
    for (const bad of [0, 1.5, 2.000001]) expect(() => checkOption(name, bad), String(bad)).toThrow(RangeError);
    for (const good of [1, 3, 1024]) expect(() => checkOption(name, good)).not.toThrow();
  });

  it("treats undefined as unset", () => {
    for (const name of [...DELAYS, ...BACKOFF, ...WHOLE]) expect(() => checkOption(name, undefined)).not.toThrow();
  });

  it("names the option, the range and the value, but only the type of a non-number", () => {
    expect(() => checkOption("readTimeoutMs", -5)).toThrow("readTimeoutMs must be a number of milliseconds from 1 to 2147483647, got -5");
    expect(() => checkOption("maxAttempts", 2.5)).toThrow("maxAttempts must be an integer of attempts from 1 to 9007199254740991, got 2.5");
    expect(() => checkOption("connectTimeoutMs", "secret-looking-string")).toThrow(/got a string$/);
  });
});

describe("validateOptions", () => {
  it("checks every option it is given and accepts an empty set", () => {
    expect(() => validateOptions({})).not.toThrow();
    expect(() => validateOptions({ maxAttempts: 2, connectTimeoutMs: 10, readTimeoutMs: 10, attemptTimeoutMs: 10, timeoutMs: 10, maxResponseBytes: 1 })).not.toThrow();
    expect(() => validateOptions({ maxAttempts: 2, timeoutMs: 2 ** 31 })).toThrow(/^timeoutMs /);
  });

  it("wants an AbortSignal for signal (TypeError otherwise)", () => {
    expect(() => validateOptions({ signal: new AbortController().signal })).not.toThrow();
    expect(() => validateOptions({ signal: AbortSignal.abort() })).not.toThrow();
    for (const bad of [{}, "abort", 1, null, { aborted: false }]) expect(() => validateOptions({ signal: bad })).toThrow(TypeError);
  });
});
