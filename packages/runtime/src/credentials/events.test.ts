import { describe, expect, it } from "vitest";
import { emitCredentialsEvent } from "./events.js";

describe("emitCredentialsEvent", () => {
  it("hands the event to the hook, ignores a hook that throws, and does nothing without one", () => {
    const seen: string[] = [];
    emitCredentialsEvent((e) => seen.push(e.type), { type: "credentials-source-selected", source: "env", skipped: [] });
    expect(seen).toEqual(["credentials-source-selected"]);
    expect(() =>
      emitCredentialsEvent(
        () => {
          throw new Error("logger down");
        },
        { type: "credentials-source-selected", source: "env", skipped: [] },
      ),
    ).not.toThrow();
    expect(() => emitCredentialsEvent(undefined, { type: "credentials-source-selected", source: "env", skipped: [] })).not.toThrow();
  });
});
