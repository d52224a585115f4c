import { spawnSync } from "node:child_process";
import { BENCH_DIR, OFFICIAL_PACKAGE, OUR_PACKAGE, RUNTIME_PACKAGE } from "../paths.js";
import { median, pairedRatio, spread, type PairedRatio, type Spread } from "../stats.js";

/** What a fresh process imports: nothing, our operation package, the runtime alone, or the official SDK; as CommonJS or ES module. */
export type Variant = "bareCjs" | "bareEsm" | "oursCjs" | "oursEsm" | "runtimeCjs" | "runtimeEsm" | "theirsCjs" | "theirsEsm";
export const VARIANTS: readonly Variant[] = ["bareCjs", "bareEsm", "oursCjs", "oursEsm", "runtimeCjs", "runtimeEsm", "theirsCjs", "theirsEsm"];

const PACKAGES: Partial<Record<Variant, string>> = {
  oursCjs: OUR_PACKAGE,
  oursEsm: OUR_PACKAGE,
  runtimeCjs: RUNTIME_PACKAGE,
  runtimeEsm: RUNTIME_PACKAGE,
  theirsCjs: OFFICIAL_PACKAGE,
  theirsEsm: OFFICIAL_PACKAGE,
};

/**
 * The child's script: time (wall and CPU) around one `require` or dynamic `import` of the package, measured
 * inside the process, so that node's own start-up (tens of ms, and most of the noise) is not in it.
 */
function script(variant: Variant): string[] {
  const pkg = PACKAGES[variant];
  const esm = variant.endsWith("Esm");
  const load = pkg === undefined ? "" : esm ? `await import(${JSON.stringify(pkg)});` : `require(${JSON.stringify(pkg)});`;
  const body = `const t0 = process.hrtime.bigint(); const c0 = process.cpuUsage(); ${load} const c = process.cpuUsage(c0); const ms = Number(process.hrtime.bigint() - t0) / 1e6; process.stdout.write(JSON.stringify({ ms, cpuUs: c.user + c.system }));`;
  return esm ? ["--input-type=module", "-e", body] : ["-e", body];
}

interface Run {
  /** Wall time of the whole process, as the parent saw it. */
  readonly processMs: number;
  /** Wall time of the import inside the process. */
  readonly importMs: number;
  readonly importCpuUs: number;
}

function runOnce(variant: Variant): Run {
  const started = process.hrtime.bigint();
  // cwd = bench/, so the packages resolve from bench/node_modules like any app's dependencies.
  const result = spawnSync(process.execPath, script(variant), { cwd: BENCH_DIR, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  const processMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`cold start ${variant} failed: ${result.stderr.trim().split("\n").slice(-3).join(" ")}`);
  const { ms, cpuUs } = JSON.parse(result.stdout) as { ms: number; cpuUs: number };
  return { processMs, importMs: ms, importCpuUs: cpuUs };
}

export interface ColdStartConfig {
  readonly rounds: number;
  /** Runs of every variant per round; the round's figure is their median. */
  readonly runsPerRound: number;
  readonly tolerance: number;
}

export interface ColdStartResult {
  readonly rounds: number;
  readonly runsPerRound: number;
  /** Import wall time inside the process, ms, spread over the round medians. */
  readonly importMs: Record<Variant, Spread>;
  /** Import CPU time inside the process, ms. */
  readonly importCpuMs: Record<Variant, Spread>;
  /** Wall time of the whole process, ms. */
  readonly processMs: Record<Variant, Spread>;
  /** Official / ours, round by round: import wall time, ESM and CJS; and the process-minus-bare cross-check. */
  readonly ratios: {
    readonly esm: PairedRatio;
    readonly cjs: PairedRatio;
    readonly esmCpu: PairedRatio;
    readonly cjsCpu: PairedRatio;
    readonly esmProcess: PairedRatio;
    readonly cjsProcess: PairedRatio;
  };
}

/**
 * Fresh `node` processes importing each package, in rounds: every round runs each variant `runsPerRound`
 * times, the order rotating run by run, so that drift in machine load hits every variant alike; a round's
 * figure is the median of its runs, and ratios are taken round by round.
 */
export function measureColdStart(c: ColdStartConfig): ColdStartResult {
  for (const v of VARIANTS) runOnce(v); // warm the file cache
  const perRound = Object.fromEntries(VARIANTS.map((v) => [v, { importMs: [] as number[], importCpuMs: [] as number[], processMs: [] as number[] }])) as Record<Variant, { importMs: number[]; importCpuMs: number[]; processMs: number[] }>;
  let turn = 0;
  for (let r = 0; r < c.rounds; r++) {
    const runs = Object.fromEntries(VARIANTS.map((v) => [v, [] as Run[]])) as Record<Variant, Run[]>;
    for (let i = 0; i < c.runsPerRound; i++) {
      for (let j = 0; j < VARIANTS.length; j++) {
        const v = VARIANTS[(turn + j) % VARIANTS.length]!;
        runs[v].push(runOnce(v));
      }
      turn++;
    }
    for (const v of VARIANTS) {
      perRound[v].importMs.push(median(runs[v].map((x) => x.importMs)));
      perRound[v].importCpuMs.push(median(runs[v].map((x) => x.importCpuUs / 1000)));
      perRound[v].processMs.push(median(runs[v].map((x) => x.processMs)));
    }
  }
  const of = (key: "importMs" | "importCpuMs" | "processMs"): Record<Variant, Spread> =>
    Object.fromEntries(VARIANTS.map((v) => [v, spread(perRound[v][key])])) as Record<Variant, Spread>;
  const added = (v: Variant, bare: Variant): number[] => perRound[v].processMs.map((ms, i) => ms - perRound[bare].processMs[i]!);
  return {
    rounds: c.rounds,
    runsPerRound: c.runsPerRound,
    importMs: of("importMs"),
    importCpuMs: of("importCpuMs"),
    processMs: of("processMs"),
    ratios: {
      esm: pairedRatio(perRound.theirsEsm.importMs, perRound.oursEsm.importMs, c.tolerance),
      cjs: pairedRatio(perRound.theirsCjs.importMs, perRound.oursCjs.importMs, c.tolerance),
      esmCpu: pairedRatio(perRound.theirsEsm.importCpuMs, perRound.oursEsm.importCpuMs, c.tolerance),
      cjsCpu: pairedRatio(perRound.theirsCjs.importCpuMs, perRound.oursCjs.importCpuMs, c.tolerance),
      esmProcess: pairedRatio(added("theirsEsm", "bareEsm"), added("oursEsm", "bareEsm"), c.tolerance),
      cjsProcess: pairedRatio(added("theirsCjs", "bareCjs"), added("oursCjs", "bareCjs"), c.tolerance),
    },
  };
}
