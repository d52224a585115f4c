import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AbortError } from "../errors/AbortError.js";
import { TimeoutError } from "../errors/TimeoutError.js";
import { callDeadline } from "./callDeadline.js";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("callDeadline", () => {
  it("passes the caller's signal through untouched without a deadline", () => {
    const controller = new AbortController();
    const d = callDeadline(controller.signal, undefined);
    expect(d.signal).toBe(controller.signal);
    const e = new AbortError();
    expect(d.explain(e)).toBe(e);
  });

  it("fires at the deadline, not before, and explains the resulting abort as a total TimeoutError", async () => {
    const d = callDeadline(undefined, 30);
    await vi.advanceTimersByTimeAsync(29);
    expect(d.signal!.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(d.signal!.aborted).toBe(true);
    const explained = d.explain(new AbortError(d.signal!.reason));
    expect(explained).toBeInstanceOf(TimeoutError);
    expect(explained).toMatchObject({ phase: "total", timeoutMs: 30 });
    d.dispose();
  });

  it("forwards the caller's abort and leaves it an AbortError", async () => {
    const controller = new AbortController();
    const d = callDeadline(controller.signal, 10_000);
    controller.abort("mine");
    await Promise.resolve();
    expect(d.signal!.aborted).toBe(true);
    expect(d.explain(new AbortError(d.signal!.reason))).toBeInstanceOf(AbortError);
    d.dispose();
  });

  it("starts aborted when the caller's signal already is", () => {
    const d = callDeadline(AbortSignal.abort(), 10_000);
    expect(d.signal!.aborted).toBe(true);
    d.dispose();
  });

  it("does not fire after dispose", async () => {
    const d = callDeadline(undefined, 20);
    d.dispose();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(50);
    expect(d.signal!.aborted).toBe(false);
  });

  it.each([0, -1, Number.NaN, 2 ** 31, Number.MAX_SAFE_INTEGER])("rejects timeoutMs %j (a timer cannot hold it)", (ms) => {
    expect(() => callDeadline(undefined, ms)).toThrow(RangeError);
  });
});
