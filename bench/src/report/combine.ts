// `--combine`: one report from several `--only` runs, each section from the newest run that measured it.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { FULL } from "../config.js";
import { SECTIONS, type SuiteResults } from "./types.js";

interface OnlyRun {
  readonly file: string;
  readonly finished: Date;
  readonly results: SuiteResults;
}

function onlyRuns(dist: string): OnlyRun[] {
  return readdirSync(dist)
    .filter((f) => /^results\.only\..+\.json$/.test(f))
    .map((file) => ({ file, finished: statSync(join(dist, file)).mtime, results: JSON.parse(readFileSync(join(dist, file), "utf8")) as SuiteResults }))
    .sort((a, b) => b.finished.getTime() - a.finished.getTime());
}

/**
 * The full suite's results assembled from the `--only` runs in `dist`: every section must have been
 * measured by one of them at the full run's size (a `--quick` run does not count).
 */
export function combineOnlyRuns(dist: string): SuiteResults {
  const runs = onlyRuns(dist).filter((r) => !r.results.config.quick);
  const pick = new Map<string, OnlyRun>();
  for (const section of SECTIONS) {
    const run = runs.find((r) => r.results[section] !== undefined);
    if (!run) throw new Error(`--combine: no full-size --only run measured ${section} (run: node dist/main.js --only=${section})`);
    pick.set(section, run);
  }
  const used = [...new Set(pick.values())];
  const newest = used[0]!;
  const out: Record<string, unknown> = {
    config: FULL,
    machine: newest.results.machine,
    durationMs: used.reduce((s, r) => s + r.results.durationMs, 0),
    load: Object.fromEntries(SECTIONS.map((s) => [s, pick.get(s)!.results.load[s]])),
    versions: newest.results.versions,
    combinedFrom: used.map((r) => `${r.file} (${r.finished.toISOString().slice(0, 16).replace("T", " ")} UTC)`),
  };
  for (const s of SECTIONS) out[s] = pick.get(s)!.results[s];
  return out as unknown as SuiteResults;
}
