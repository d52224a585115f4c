// `pnpm bench [--quick]`: runs every section of the suite and writes the report (see README "Benchmarks").
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { measureColdStart } from "./coldStart/coldStart.js";
import { FULL, QUICK } from "./config.js";
import { measureIncremental } from "./generator/incremental.js";
import { measureNasGeneration, measureSyntheticScale } from "./generator/scale.js";
import { measureFootprint } from "./install/footprint.js";
import { machineInfo } from "./machine.js";
import { BENCH_DIR, OUR_PACKAGE_DIR, REPO_ROOT, RUNTIME_DIR } from "./paths.js";
import { measurePerCall } from "./perCall/perCall.js";
import { renderReport } from "./report/render.js";
import { checkTargets } from "./report/targets.js";
import type { SuiteResults } from "./report/types.js";
import { measureSigning } from "./signing/signing.js";

const quick = process.argv.includes("--quick");
// `--render`: rewrite BENCHMARKS.md from the last full run's dist/results.json (after editing NOTES.md).
const renderOnly = process.argv.includes("--render");
const config = quick ? QUICK : FULL;
const require = createRequire(join(BENCH_DIR, "package.json"));
const version = (pkgJson: string): string => (JSON.parse(readFileSync(pkgJson, "utf8")) as { version: string }).version;

function step<T>(name: string, fn: () => T): T {
  const t0 = Date.now();
  process.stderr.write(`bench: ${name}…`);
  const result = fn();
  process.stderr.write(` ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  return result;
}

function notes(): { notes: string } | Record<string, never> {
  const file = join(BENCH_DIR, "NOTES.md");
  return existsSync(file) ? { notes: readFileSync(file, "utf8") } : {};
}

async function main(): Promise<void> {
  if (renderOnly) {
    const saved = JSON.parse(readFileSync(join(BENCH_DIR, "dist/results.json"), "utf8")) as SuiteResults;
    writeFileSync(join(REPO_ROOT, "BENCHMARKS.md"), renderReport({ ...saved, ...notes() }));
    process.stdout.write("bench: rendered BENCHMARKS.md from bench/dist/results.json\n");
    return;
  }
  const started = Date.now();
  const footprint = step("install footprint", measureFootprint);
  const coldStart = step(`cold start (${config.coldStartRuns} runs)`, () => measureColdStart(config.coldStartRuns));
  process.stderr.write("bench: per-call cost…");
  const t0 = Date.now();
  const perCall = await measurePerCall(config.perCall.calls, config.perCall.rounds, config.perCall.warmup);
  process.stderr.write(` ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  const signing = step("signing", () => measureSigning(config.signing.iterations, config.signing.rounds));
  const nas = step("generator: NAS", () => measureNasGeneration(config.nasRepeats));
  process.stderr.write(`bench: generator scale (${config.syntheticSizes.join(", ")} operations)\n`);
  const scale = await measureSyntheticScale(config.syntheticSizes, (p) =>
    process.stderr.write(
      p.failed !== undefined
        ? `bench:   ${p.operations} operations: FAILED ${p.failed}\n`
        : `bench:   ${p.operations} operations: ${(p.generateMs / 1000).toFixed(1)} s, peak RSS ${(p.maxRssBytes / 1e6).toFixed(0)} MB\n`,
    ),
  );
  const incremental = step("generator: one changed spec", () => measureIncremental(quick));

  const results: SuiteResults = {
    config,
    machine: machineInfo(),
    versions: {
      ours: version(join(OUR_PACKAGE_DIR, "package.json")),
      runtime: version(join(RUNTIME_DIR, "package.json")),
      official: version(require.resolve("@alicloud/nas20170626/package.json")),
      openapiCore: version(require.resolve("@alicloud/openapi-core/package.json")),
    },
    footprint,
    coldStart,
    perCall,
    signing,
    nas,
    scale,
    incremental,
    ...(quick ? {} : notes()),
  };
  const report = renderReport(results);
  let out = join(REPO_ROOT, "BENCHMARKS.md");
  if (quick) {
    mkdirSync(join(BENCH_DIR, "dist"), { recursive: true });
    out = join(BENCH_DIR, "dist/BENCHMARKS.quick.md");
  }
  writeFileSync(out, report);
  const { notes: _, ...raw } = results;
  writeFileSync(join(BENCH_DIR, "dist", quick ? "results.quick.json" : "results.json"), `${JSON.stringify(raw, null, 2)}\n`);
  for (const t of checkTargets(results)) process.stdout.write(`${t.met ? "met    " : "MISSED "} ${t.target}: ${t.measured}\n`);
  process.stdout.write(`bench: wrote ${out} in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`\nbench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
