import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AbortError } from "../errors/AbortError.js";
import { abortableSleep } from "./abortableSleep.js";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("abortableSleep", () => {
  it("resolves after the delay, not before", async () => {
    let done = false;
    const sleeping = abortableSleep(30, undefined).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(29);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await sleeping;
    expect(done).toBe(true);
  });

  it("rejects with AbortError, carrying the reason, as soon as the signal fires, and clears its timer", async () => {
    const controller = new AbortController();
    const pending = abortableSleep(10_000, controller.signal).catch((e: unknown) => e);
    expect(vi.getTimerCount()).toBe(1);
    controller.abort("stop");
    const error = await pending;
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toBe("stop");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rejects at once for an already-fired signal, using the given error factory", async () => {
    await expect(abortableSleep(10_000, AbortSignal.abort("x"), (r) => new Error(`custom ${String(r)}`))).rejects.toThrow("custom x");
  });
});
