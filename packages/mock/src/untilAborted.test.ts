import { AbortError } from "@acs-modular/runtime";
import { describe, expect, it } from "vitest";
import { untilAborted } from "./untilAborted.js";

describe("untilAborted", () => {
  it("settles as the promise does while the signal is quiet", async () => {
    const controller = new AbortController();
    await expect(untilAborted(Promise.resolve(1), controller.signal)).resolves.toBe(1);
    await expect(untilAborted(Promise.reject(new Error("no")), controller.signal)).rejects.toThrow("no");
    await expect(untilAborted(Promise.resolve(2), undefined)).resolves.toBe(2);
  });

  it("rejects with an AbortError carrying the reason when the signal fires first", async () => {
    const controller = new AbortController();
    const pending = untilAborted(new Promise<never>(() => undefined), controller.signal);
    controller.abort("stop");
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toBe("stop");
  });

  it("rejects at once when the signal has already fired", async () => {
    await expect(untilAborted(Promise.resolve(1), AbortSignal.abort())).rejects.toBeInstanceOf(AbortError);
  });
});
