import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { run, runNodeJson, startChild } from "../exec.js";
import { BENCH_DIR, DIST_DIR } from "../paths.js";
import { summarizeProfile, type CpuProfile, type FrameCost } from "../profile/summarize.js";
import { pairedRatio, spread, type PairedRatio, type Spread } from "../stats.js";
import { instructionsPerCall, straceAvailable, syscallsPerCall, valgrindAvailable, type CounterPlan } from "./counters.js";
import { IMPLS, type Impl, type PerCallCounts, type PerCallRounds } from "./shared.js";

export interface PerCallConfig {
  readonly calls: number;
  readonly rounds: number;
  readonly warmup: number;
  /** Largest (max − min) / median of the per-round ratios for a ratio to be printed. */
  readonly tolerance: number;
  /** Calls of the `counts` run (event-loop turns, async resources). */
  readonly countCalls: number;
  /** strace runs (syscalls per call); 0 skips them. */
  readonly straceCalls: number;
  /** callgrind runs (instructions per call); 0 skips them. */
  readonly callgrindCalls: number;
  /** Calls of the CPU-profiled run per implementation; 0 skips it. */
  readonly profileCalls: number;
}

export interface PerCallResult {
  readonly calls: number;
  readonly rounds: number;
  /** Client CPU µs per call (user + system), spread over the rounds. */
  readonly cpuUs: Record<Impl, Spread>;
  /** User-mode CPU µs per call. */
  readonly userUs: Record<Impl, Spread>;
  readonly callsPerSecond: Record<Impl, Spread>;
  readonly newConnections: Record<Impl, number>;
  /** Round-by-round ratios: ours / floor, official / ours (CPU), ours without I/O / floor. */
  readonly ratios: { readonly oursOverBare: PairedRatio; readonly theirsOverOurs: PairedRatio; readonly userOursOverBare: PairedRatio; readonly userTheirsOverOurs: PairedRatio };
  readonly counts: PerCallCounts;
  readonly syscalls?: Partial<Record<Impl, { total: number; byName: Record<string, number> }>>;
  readonly instructions?: Partial<Record<Impl, number>>;
  /** Where each implementation spends its CPU (node --cpu-prof), the largest self-time frames. */
  readonly profile?: Partial<Record<Impl, { totalMs: number; self: readonly FrameCost[]; modules: readonly FrameCost[] }>>;
  /** What could not be collected, and why. */
  readonly skipped: readonly string[];
}

const pick = (samples: Record<Impl, number[]>): Record<Impl, Spread> => Object.fromEntries(IMPLS.map((i) => [i, spread(samples[i])])) as Record<Impl, Spread>;

/** Runs the server in one child process and the client in others, and reduces the rounds to spreads and paired ratios. */
export async function measurePerCall(c: PerCallConfig, log: (line: string) => void = () => {}): Promise<PerCallResult> {
  const { child, firstLine } = await startChild(process.execPath, [join(DIST_DIR, "perCall/server.js")]);
  const host = `127.0.0.1:${firstLine.trim()}`;
  const client = join(DIST_DIR, "perCall/client.js");
  const skipped: string[] = [];
  try {
    const raw = runNodeJson<PerCallRounds>(client, [host, "rounds", String(c.calls), String(c.rounds), String(c.warmup)]);
    const counts = runNodeJson<PerCallCounts>(client, [host, "counts", String(c.countCalls), String(c.warmup)]);
    const plan = (calls: number): CounterPlan => ({ host, warmup: c.warmup, small: calls, large: 2 * calls });
    const work = join(BENCH_DIR, "dist/counters");
    const measured: (Impl)[] = ["ours", "theirs", "bare", "oursNoIo", "floorThenNoIo"];
    let syscalls: PerCallResult["syscalls"];
    if (c.straceCalls > 0 && straceAvailable()) {
      log(`strace, ${c.straceCalls} and ${2 * c.straceCalls} calls`);
      syscalls = Object.fromEntries(measured.map((impl) => [impl, syscallsPerCall(plan(c.straceCalls), impl, work)]));
    } else if (c.straceCalls > 0) skipped.push("syscalls: strace is not installed");
    let instructions: PerCallResult["instructions"];
    if (c.callgrindCalls > 0 && valgrindAvailable()) {
      log(`callgrind, ${c.callgrindCalls} and ${2 * c.callgrindCalls} calls per implementation`);
      instructions = {};
      for (const impl of measured) instructions[impl] = instructionsPerCall(plan(c.callgrindCalls), impl, join(work, "callgrind"));
    } else if (c.callgrindCalls > 0) skipped.push("instructions: valgrind is not installed");
    let profile: PerCallResult["profile"];
    if (c.profileCalls > 0) {
      profile = {};
      const dir = join(BENCH_DIR, "dist/profiles");
      rmSync(dir, { recursive: true, force: true });
      for (const impl of measured) {
        const out = join(dir, impl);
        mkdirSync(out, { recursive: true });
        run(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${out}`, client, host, "fixed", String(c.profileCalls), String(c.warmup), impl]);
        const file = readdirSync(out).find((f) => f.endsWith(".cpuprofile"))!;
        const s = summarizeProfile(JSON.parse(readFileSync(join(out, file), "utf8")) as CpuProfile, 12);
        profile[impl] = { totalMs: s.totalMs, self: s.self, modules: s.modules.slice(0, 8) };
      }
    }
    return {
      calls: c.calls,
      rounds: c.rounds,
      cpuUs: pick(raw.cpuUsPerCall),
      userUs: pick(raw.userUsPerCall),
      callsPerSecond: pick(raw.callsPerSecond),
      newConnections: raw.newConnections,
      ratios: {
        oursOverBare: pairedRatio(raw.cpuUsPerCall.ours, raw.cpuUsPerCall.bare, c.tolerance),
        theirsOverOurs: pairedRatio(raw.cpuUsPerCall.theirs, raw.cpuUsPerCall.ours, c.tolerance),
        userOursOverBare: pairedRatio(raw.userUsPerCall.ours, raw.userUsPerCall.bare, c.tolerance),
        userTheirsOverOurs: pairedRatio(raw.userUsPerCall.theirs, raw.userUsPerCall.ours, c.tolerance),
      },
      counts,
      ...(syscalls ? { syscalls } : {}),
      ...(instructions ? { instructions } : {}),
      ...(profile ? { profile } : {}),
      skipped,
    };
  } finally {
    child.stdin?.end();
    child.kill();
  }
}
