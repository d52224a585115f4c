import { describe, expect, it } from "vitest";
import { emitEvent } from "./emitEvent.js";
import type { ClientEvent } from "./events.js";

const EVENT: ClientEvent = { type: "attempt-start", product: "P", action: "A", attempt: 1, host: "h" };

describe("emitEvent", () => {
  it("hands the event to the hook", () => {
    const seen: ClientEvent[] = [];
    emitEvent((e) => seen.push(e), EVENT);
    expect(seen).toEqual([EVENT]);
  });

  it("contains a hook that throws, so logging cannot change a call's outcome", () => {
    expect(() =>
      emitEvent(() => {
        throw new Error("logger down");
      }, EVENT),
    ).not.toThrow();
  });
});
