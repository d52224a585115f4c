import { spawnSync } from "node:child_process";
import { BENCH_DIR, OFFICIAL_PACKAGE, OUR_PACKAGE } from "../paths.js";
import { median } from "../stats.js";

type Variant = "bareCjs" | "bareEsm" | "oursCjs" | "oursEsm" | "theirsCjs" | "theirsEsm";

const ARGS: Record<Variant, readonly string[]> = {
  bareCjs: ["-e", "0"],
  bareEsm: ["--input-type=module", "-e", "0"],
  oursCjs: ["-e", `require(${JSON.stringify(OUR_PACKAGE)})`],
  oursEsm: ["--input-type=module", "-e", `import ${JSON.stringify(OUR_PACKAGE)}`],
  theirsCjs: ["-e", `require(${JSON.stringify(OFFICIAL_PACKAGE)})`],
  theirsEsm: ["--input-type=module", "-e", `import ${JSON.stringify(OFFICIAL_PACKAGE)}`],
};

export interface ColdStartResult {
  readonly runs: number;
  /** Median wall time of each variant, ms. */
  readonly medianMs: Record<Variant, number>;
  /** Median import time added over a bare process of the same module kind, ms. */
  readonly added: { oursCjs: number; oursEsm: number; theirsCjs: number; theirsEsm: number };
}

function timeOnce(args: readonly string[]): number {
  const started = process.hrtime.bigint();
  // cwd = bench/, so the packages resolve from bench/node_modules like any app's dependencies.
  const result = spawnSync(process.execPath, args, { cwd: BENCH_DIR, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} failed: ${result.stderr.trim().split("\n").slice(-3).join(" ")}`);
  return ms;
}

/**
 * Times fresh `node` processes that import our package or the official one (ESM and CJS) against bare
 * processes, rotating the order every run so drift in machine load hits every variant alike.
 */
export function measureColdStart(runs: number): ColdStartResult {
  const variants = Object.keys(ARGS) as Variant[];
  const samples = Object.fromEntries(variants.map((v) => [v, [] as number[]])) as Record<Variant, number[]>;
  for (const v of variants) timeOnce(ARGS[v]); // warm the file cache
  for (let i = 0; i < runs; i++) {
    for (let j = 0; j < variants.length; j++) {
      const v = variants[(i + j) % variants.length]!;
      samples[v].push(timeOnce(ARGS[v]));
    }
  }
  const medianMs = Object.fromEntries(variants.map((v) => [v, median(samples[v])])) as Record<Variant, number>;
  return {
    runs,
    medianMs,
    added: {
      oursCjs: medianMs.oursCjs - medianMs.bareCjs,
      oursEsm: medianMs.oursEsm - medianMs.bareEsm,
      theirsCjs: medianMs.theirsCjs - medianMs.bareCjs,
      theirsEsm: medianMs.theirsEsm - medianMs.bareEsm,
    },
  };
}
