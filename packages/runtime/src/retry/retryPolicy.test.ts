import { describe, expect, it } from "vitest";
import { AbortError } from "../errors/AbortError.js";
import { CredentialsError } from "../errors/CredentialsError.js";
import { MalformedResponseError } from "../errors/MalformedResponseError.js";
import { NetworkError } from "../errors/NetworkError.js";
import { ServiceError } from "../errors/ServiceError.js";
import { TimeoutError } from "../errors/TimeoutError.js";
import { ValidationError } from "../errors/ValidationError.js";
import { DEFAULT_RETRY, backoffDelay, parseRetryAfter, retryDelay, shouldRetry } from "./retryPolicy.js";

const service = (code: string, httpStatus: number) => new ServiceError({ action: "A", code, message: "m", httpStatus });
const OPTIONS = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1_000 };

describe("backoffDelay (full jitter)", () => {
  it("scales a uniform draw by base·2^(attempt-1)", () => {
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, OPTIONS, () => 0.5))).toEqual([50, 100, 200, 400]);
  });

  it("spans [0, ceiling): random 0 gives 0, random just under 1 gives just under the ceiling", () => {
    expect(backoffDelay(3, OPTIONS, () => 0)).toBe(0);
    expect(backoffDelay(3, OPTIONS, () => 0.999999)).toBe(399);
  });

  it("caps the ceiling at maxDelayMs however many attempts", () => {
    expect(backoffDelay(5, OPTIONS, () => 0.999999)).toBe(999);
    expect(backoffDelay(60, OPTIONS, () => 0.5)).toBe(500);
  });

  it("draws a fresh random number for every delay", () => {
    const draws = [0.1, 0.9];
    expect([backoffDelay(2, OPTIONS, () => draws.shift()!), backoffDelay(2, OPTIONS, () => draws.shift()!)]).toEqual([20, 180]);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2024-06-24T08:00:00Z");
  it("reads delay-seconds", () => {
    expect(parseRetryAfter("3", now)).toBe(3_000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
  });
  it("reads an HTTP date relative to now, never negative", () => {
    expect(parseRetryAfter("Mon, 24 Jun 2024 08:00:05 GMT", now)).toBe(5_000);
    expect(parseRetryAfter("Mon, 24 Jun 2024 07:00:00 GMT", now)).toBe(0);
  });
  it.each([undefined, "", "soon", "-3", "1.5", "Fri, 99 Foo"])("ignores %j", (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});

describe("retryDelay", () => {
  it("honours Retry-After over backoff, capped at maxDelayMs", () => {
    expect(retryDelay(1, "0", OPTIONS, () => 0.9)).toBe(0);
    expect(retryDelay(1, "2", { ...OPTIONS, maxDelayMs: 5_000 }, () => 0.9)).toBe(2_000);
    expect(retryDelay(1, "86400", OPTIONS, () => 0.9)).toBe(1_000);
  });
  it("falls back to backoff without a usable Retry-After", () => {
    expect(retryDelay(2, undefined, OPTIONS, () => 0.5)).toBe(100);
    expect(retryDelay(2, "whenever", OPTIONS, () => 0.5)).toBe(100);
  });
});

describe("shouldRetry", () => {
  it.each<[string, unknown, boolean, boolean]>([
    // [case, error, retried when idempotent, retried when not]
    ["Throttling.User 400", service("Throttling.User", 400), true, true],
    // A 5xx may come from behind the gateway after the service acted, whatever the code says.
    ["ServiceUnavailable 503", service("ServiceUnavailable", 503), true, false],
    ["Throttling.System 503", service("Throttling.System", 503), true, false],
    ["ServiceUnavailable 400", service("ServiceUnavailable", 400), true, true],
    ["an unknown code with 429", service("TooBusy", 429), true, true],
    ["InternalError 500", service("InternalError", 500), true, false],
    ["a 4xx client error", service("InvalidParameter", 400), false, false],
    ["a refused connection", new NetworkError("refused", "ECONNREFUSED"), true, true],
    ["a reset", new NetworkError("reset", "ECONNRESET"), true, false],
    ["a connect timeout", new TimeoutError("connect", 1), true, true],
    ["a read timeout", new TimeoutError("read", 1), true, false],
    ["an attempt timeout", new TimeoutError("attempt", 1), true, false],
    ["the call deadline", new TimeoutError("total", 1), false, false],
    ["an HTML 502", new MalformedResponseError("html", 502, undefined), true, false],
    ["an HTML 429", new MalformedResponseError("html", 429, undefined), true, true],
    ["a truncated 200", new MalformedResponseError("truncated", 200, undefined), true, false],
    ["bad framing on a 200", new MalformedResponseError("bad-framing", 200, undefined), false, false],
    ["bad framing on a 503", new MalformedResponseError("bad-framing", 503, undefined), true, false],
    ["a too-large body", new MalformedResponseError("too-large", 200, undefined), false, false],
    ["an abort", new AbortError(), false, false],
    ["a validation error", new ValidationError("A", "f", "bad"), false, false],
    ["a credentials error", new CredentialsError("none"), false, false],
    ["a foreign error", new TypeError("x"), false, false],
  ])("%s", (_, error, idempotent, notIdempotent) => {
    expect(shouldRetry(error, true)).toBe(idempotent);
    expect(shouldRetry(error, false)).toBe(notIdempotent);
  });
});

it("defaults to 3 attempts", () => {
  expect(DEFAULT_RETRY.maxAttempts).toBe(3);
});
