import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FULL, QUICK } from "../config.js";
import { combineOnlyRuns } from "./combine.js";
import { SECTIONS } from "./types.js";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** Writes an --only result file measuring `sections` (each section's value names the run), finished at `at`. */
function onlyRun(name: string, sections: readonly string[], at: Date, quick = false): void {
  const results: Record<string, unknown> = {
    config: quick ? QUICK : FULL,
    machine: { date: at.toISOString() },
    durationMs: 1000,
    load: Object.fromEntries(sections.map((s) => [s, { start: 1, end: 1, endFive: 1, ms: 10 }])),
    versions: { ours: "0.1.0", runtime: "0.1.0", official: "3.1.4", openapiCore: "1.0.8" },
  };
  for (const s of sections) results[s] = { from: name };
  const file = join(dir!, `results.only.${name}.json`);
  writeFileSync(file, JSON.stringify(results));
  utimesSync(file, at, at);
}

describe("combineOnlyRuns", () => {
  it("takes each section from the newest full-size run that measured it, and names the runs used", () => {
    dir = mkdtempSync(join(tmpdir(), "bench-combine-"));
    onlyRun("scale", ["scale"], new Date("2026-12-01T23:00:00Z"));
    onlyRun("old-timing", SECTIONS.filter((s) => s !== "scale"), new Date("2026-12-01T22:00:00Z"));
    onlyRun("timing", ["footprint", "coldStart", "perCall", "signing"], new Date("2026-12-02T00:30:00Z"));
    onlyRun("quick", [...SECTIONS], new Date("2026-12-02T01:00:00Z"), true);
    const combined = combineOnlyRuns(dir) as unknown as Record<string, { from: string }> & { combinedFrom: string[] };
    expect(combined.scale?.from).toBe("scale");
    for (const s of ["footprint", "coldStart", "perCall", "signing"]) expect(combined[s]!.from).toBe("timing");
    expect(combined.combinedFrom).toEqual(["results.only.timing.json (2026-12-02 00:30 UTC)", "results.only.scale.json (2026-12-01 23:00 UTC)"]);
  });

  it("refuses when a section was never measured at full size", () => {
    dir = mkdtempSync(join(tmpdir(), "bench-combine-"));
    onlyRun("timing", ["footprint", "coldStart", "perCall", "signing"], new Date("2026-12-02T00:30:00Z"));
    onlyRun("quick", ["scale"], new Date("2026-12-02T01:00:00Z"), true);
    expect(() => combineOnlyRuns(dir!)).toThrow(/no full-size --only run measured scale/);
  });
});
