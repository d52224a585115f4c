import { describe, expect, it } from "vitest";
import { AbortError } from "../errors/AbortError.js";
import { abortableSleep } from "./abortableSleep.js";

describe("abortableSleep", () => {
  it("resolves after the delay", async () => {
    const started = Date.now();
    await abortableSleep(30, undefined);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it("rejects with AbortError, carrying the reason, as soon as the signal fires", async () => {
    const controller = new AbortController();
    const started = Date.now();
    const pending = abortableSleep(10_000, controller.signal);
    setTimeout(() => controller.abort("stop"), 20);
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toBe("stop");
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("rejects at once for an already-fired signal, using the given error factory", async () => {
    await expect(abortableSleep(10_000, AbortSignal.abort("x"), (r) => new Error(`custom ${String(r)}`))).rejects.toThrow("custom x");
  });
});
