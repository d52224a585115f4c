// `pnpm bench [--quick] [--only=<section,…>] [--render] [--combine]`: runs every section of the suite and writes the
// report (see bench/README.md).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { loadavg } from "node:os";
import { join } from "node:path";
import { measureColdStart } from "./coldStart/coldStart.js";
import { FULL, QUICK } from "./config.js";
import { measureFootprint } from "./install/footprint.js";
import { machineInfo } from "./machine.js";
import { BENCH_DIR, OUR_PACKAGE_DIR, REPO_ROOT, RUNTIME_DIR } from "./paths.js";
import { measurePerCall } from "./perCall/perCall.js";
import { renderReport } from "./report/render.js";
import { checkTargets } from "./report/targets.js";
import { SECTIONS, type LoadDuring, type Section, type SuiteResults } from "./report/types.js";
import { measureScale } from "./scale/scale.js";
import { measureSigning } from "./signing/signing.js";
import { combineOnlyRuns } from "./report/combine.js";
import { formatDuration } from "./stats.js";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
// `--render`: rewrite BENCHMARKS.md from the last full run's dist/results.json (after editing NOTES.md).
const renderOnly = args.includes("--render");
// `--only=perCall,signing`: run some sections, print their targets, write dist/results.only.<sections>.json.
// `--combine`: the full report from the newest `--only` run of each section (a long scale run need not
// share its evening with the timing sections, which want a quiet machine); the report says so.
const combine = args.includes("--combine");
const onlyArg = args.find((a) => a.startsWith("--only="))?.slice("--only=".length);
const only = onlyArg ? new Set(onlyArg.split(",") as Section[]) : undefined;
for (const s of only ?? []) if (!SECTIONS.includes(s)) throw new Error(`--only: unknown section ${s} (sections: ${SECTIONS.join(", ")})`);
const config = quick ? QUICK : FULL;
const require = createRequire(join(BENCH_DIR, "package.json"));
const version = (pkgJson: string): string => (JSON.parse(readFileSync(pkgJson, "utf8")) as { version: string }).version;
const log = (line: string): void => void process.stderr.write(`bench: ${line}\n`);

function notes(): { notes: string } | Record<string, never> {
  const file = join(BENCH_DIR, "NOTES.md");
  return existsSync(file) ? { notes: readFileSync(file, "utf8") } : {};
}

const load: Partial<Record<Section, LoadDuring>> = {};

/** Runs one section (unless --only leaves it out), logging its duration and the load average around it. */
async function section<T>(name: Section, title: string, fn: () => T | Promise<T>): Promise<T | undefined> {
  if (only && !only.has(name)) return undefined;
  const t0 = Date.now();
  const before = loadavg();
  log(`${title}… (load average ${before.map((l) => l.toFixed(2)).join(" ")})`);
  const result = await fn();
  const after = loadavg();
  load[name] = { start: before[0]!, end: after[0]!, endFive: after[1]!, ms: Date.now() - t0 };
  log(`${title}: ${formatDuration(Date.now() - t0)} (load average ${after.map((l) => l.toFixed(2)).join(" ")})`);
  return result;
}

async function main(): Promise<void> {
  const dist = join(BENCH_DIR, "dist");
  mkdirSync(dist, { recursive: true });
  if (combine) {
    const combined = combineOnlyRuns(dist);
    writeFileSync(join(dist, "results.json"), `${JSON.stringify(combined, null, 2)}\n`);
    writeFileSync(join(REPO_ROOT, "BENCHMARKS.md"), renderReport({ ...combined, ...notes() }));
    for (const t of checkTargets(combined)) process.stdout.write(`${t.verdict.padEnd(15)} ${t.target}: ${t.measured}\n`);
    process.stdout.write(`bench: combined ${combined.combinedFrom?.join(", ")} into BENCHMARKS.md\n`);
    return;
  }
  if (renderOnly) {
    const saved = JSON.parse(readFileSync(join(dist, "results.json"), "utf8")) as SuiteResults;
    writeFileSync(join(REPO_ROOT, "BENCHMARKS.md"), renderReport({ ...saved, ...notes() }));
    process.stdout.write("bench: rendered BENCHMARKS.md from bench/dist/results.json\n");
    return;
  }
  const started = Date.now();
  const machine = machineInfo();
  const footprint = await section("footprint", "install footprint", measureFootprint);
  const coldStart = await section("coldStart", `cold start (${config.coldStart.rounds} rounds of ${config.coldStart.runsPerRound} runs)`, () => measureColdStart(config.coldStart));
  const perCall = await section("perCall", `per-call cost (${config.perCall.rounds} rounds of ${config.perCall.calls} calls)`, () => measurePerCall(config.perCall, log));
  const signing = await section("signing", "signing", () => measureSigning(config.signing.iterations, config.signing.rounds, config.signing.tolerance));
  const scale = await section("scale", `scale (${config.catalogs.map((c) => c.label).join(", ")})`, () => measureScale(config.catalogs, log));

  const results: SuiteResults = {
    config,
    machine,
    durationMs: Date.now() - started,
    load,
    versions: {
      ours: version(join(OUR_PACKAGE_DIR, "package.json")),
      runtime: version(join(RUNTIME_DIR, "package.json")),
      official: version(require.resolve("@alicloud/nas20170626/package.json")),
      openapiCore: version(require.resolve("@alicloud/openapi-core/package.json")),
    },
    ...(footprint ? { footprint } : {}),
    ...(coldStart ? { coldStart } : {}),
    ...(perCall ? { perCall } : {}),
    ...(signing ? { signing } : {}),
    ...(scale ? { scale } : {}),
  };
  const name = only ? `results.only.${[...only].sort().join("+")}.json` : quick ? "results.quick.json" : "results.json";
  writeFileSync(join(dist, name), `${JSON.stringify(results, null, 2)}\n`);
  for (const t of checkTargets(results)) process.stdout.write(`${t.verdict.padEnd(15)} ${t.target}: ${t.measured}\n`);
  if (only) {
    process.stdout.write(`bench: wrote bench/dist/${name} in ${formatDuration(Date.now() - started)}\n`);
    return;
  }
  const out = quick ? join(dist, "BENCHMARKS.quick.md") : join(REPO_ROOT, "BENCHMARKS.md");
  writeFileSync(out, renderReport({ ...results, ...(quick ? {} : notes()) }));
  process.stdout.write(`bench: wrote ${out} in ${formatDuration(Date.now() - started)}\n`);
  // A step that fails is a result (reported); a catalog whose setup failed means the suite itself is broken.
  const aborted = (scale?.catalogs ?? []).filter((c) => c.aborted !== undefined);
  for (const c of aborted) process.stderr.write(`bench: catalog ${c.label} aborted: ${c.aborted}\n`);
  if (aborted.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`\nbench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
