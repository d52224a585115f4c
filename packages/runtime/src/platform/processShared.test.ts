import { describe, expect, it } from "vitest";
import { processShared } from "./processShared.js";

describe("processShared", () => {
  it("creates a value once and hands the same one to every later caller", () => {
    let created = 0;
    const make = () => ({ n: ++created });
    const first = processShared("test/processShared-once/1", make);
    expect(processShared("test/processShared-once/1", make)).toBe(first);
    expect(created).toBe(1);
  });

  it("keeps names apart, so a new layout version gets a fresh value", () => {
    const v1 = processShared("test/processShared-layout/1", () => ({ shape: 1 }));
    const v2 = processShared("test/processShared-layout/2", () => ({ shape: 2 }));
    expect(v1).not.toBe(v2);
  });

  it("lives on globalThis under a Symbol.for key that other copies see, invisible to enumeration", () => {
    const key = Symbol.for("@acs-modular/runtime/process-shared");
    const value = processShared("test/processShared-global/1", () => "shared");
    const registry = (globalThis as Record<symbol, Map<string, unknown>>)[key];
    expect(registry?.get("test/processShared-global/1")).toBe(value);
    expect(Object.getOwnPropertySymbols(globalThis)).toContain(key);
    expect(Object.keys(globalThis)).not.toContain(key.toString());
    expect(Object.getOwnPropertyDescriptor(globalThis, key)?.enumerable).toBe(false);
  });
});
