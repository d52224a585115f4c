import { describe, expect, it } from "vitest";
import { combineHooks } from "./combineHooks.js";

describe("combineHooks", () => {
  it("is undefined without hooks and the hook itself when there is one", () => {
    const hook = (): void => undefined;
    expect(combineHooks(undefined, undefined)).toBeUndefined();
    expect(combineHooks(undefined, hook)).toBe(hook);
  });

  it("hands each event to every hook in order, past one that throws", () => {
    const seen: string[] = [];
    const both = combineHooks<string>(
      (e) => seen.push(`a:${e}`),
      () => {
        throw new Error("logger down");
      },
      (e) => seen.push(`c:${e}`),
    )!;
    expect(() => both("x")).not.toThrow();
    expect(seen).toEqual(["a:x", "c:x"]);
  });
});
