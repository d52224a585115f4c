import { describe, expect, it } from "vitest";
import { MAX_RETRY_AFTER_FAILURE_MS, MIN_RETRY_AFTER_FAILURE_MS, nextRefreshAt, retryDelayAfterFailure } from "./refreshSchedule.js";

const MIN = 60_000;

describe("nextRefreshAt", () => {
  it("is the margin before expiry for credentials that outlive it by far", () => {
    expect(nextRefreshAt(0, 60 * MIN, 3 * MIN)).toBe(57 * MIN);
  });

  it("is half-life for credentials shorter-lived than the margin", () => {
    expect(nextRefreshAt(0, 60_000, 3 * MIN)).toBe(30_000);
  });

  it("never comes before half-life, even when the margin is most of the lifetime", () => {
    expect(nextRefreshAt(1_000, 1_000 + 4 * MIN, 3 * MIN)).toBe(1_000 + 2 * MIN);
  });
});

describe("retryDelayAfterFailure", () => {
  it("is half the time left", () => {
    expect(retryDelayAfterFailure(0, 40_000)).toBe(20_000);
  });

  it("is at most a minute and at least a second", () => {
    expect(retryDelayAfterFailure(0, 60 * MIN)).toBe(MAX_RETRY_AFTER_FAILURE_MS);
    expect(retryDelayAfterFailure(0, 500)).toBe(MIN_RETRY_AFTER_FAILURE_MS);
  });
});
