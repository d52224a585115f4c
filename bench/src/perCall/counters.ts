// Per-call counts that do not depend on machine load, by difference: the client runs in `fixed` mode twice,
// with the same warm-up and `small` then `large` calls, under strace (syscalls by name) or valgrind's
// callgrind (instructions executed, every thread of the process); (large − small) / (large − small calls)
// is what one call costs, start-up and warm-up cancelling out.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { run } from "../exec.js";
import { DIST_DIR } from "../paths.js";
import type { Impl } from "./shared.js";

/** Calls per syscall name from `strace -c` output (the summary table; the total line is left out). */
export function parseStraceSummary(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of text.split("\n")) {
    const tokens = line.trim().split(/\s+/);
    if (tokens.length < 5 || !/^[\d.]+$/.test(tokens[0]!) || !/^[\d.]+$/.test(tokens[1]!)) continue;
    const name = tokens[tokens.length - 1]!;
    if (name === "total" || !/^[a-z_0-9]+$/.test(name)) continue;
    const calls = Number(tokens[3]);
    if (Number.isFinite(calls)) out[name] = (out[name] ?? 0) + calls;
  }
  return out;
}

/** Instructions executed (Ir) from a callgrind output file's `summary:` (or `totals:`) line. */
export function parseCallgrindTotal(text: string): number | undefined {
  const m = /^(?:summary|totals): (\d+)/m.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** Per-call difference of two count maps, rounded to 0.01; names whose difference rounds to 0 are left out. */
export function perCallDifference(small: Record<string, number>, large: Record<string, number>, calls: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of new Set([...Object.keys(small), ...Object.keys(large)])) {
    const d = Math.round((((large[name] ?? 0) - (small[name] ?? 0)) / calls) * 100) / 100;
    if (d !== 0) out[name] = d;
  }
  return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1]));
}

export interface CounterPlan {
  readonly host: string;
  readonly warmup: number;
  readonly small: number;
  readonly large: number;
}

function clientArgs(plan: CounterPlan, impl: Impl, calls: number): string[] {
  return [join(DIST_DIR, "perCall/client.js"), plan.host, "fixed", String(calls), String(plan.warmup), impl];
}

export function straceAvailable(): boolean {
  return spawnSync("strace", ["-V"], { stdio: "ignore" }).status === 0;
}

export function valgrindAvailable(): boolean {
  return spawnSync("valgrind", ["--version"], { stdio: "ignore" }).status === 0;
}

/** Syscalls per call, by name, and their total. */
export function syscallsPerCall(plan: CounterPlan, impl: Impl, workDir: string): { total: number; byName: Record<string, number> } {
  mkdirSync(workDir, { recursive: true });
  const counts = [plan.small, plan.large].map((calls) => {
    const file = join(workDir, `strace-${impl}-${calls}.txt`);
    run("strace", ["-f", "-c", "-o", file, process.execPath, ...clientArgs(plan, impl, calls)]);
    const parsed = parseStraceSummary(readFileSync(file, "utf8"));
    rmSync(file);
    return parsed;
  });
  const byName = perCallDifference(counts[0]!, counts[1]!, plan.large - plan.small);
  return { total: Math.round(Object.values(byName).reduce((s, n) => s + n, 0) * 100) / 100, byName };
}

/**
 * Instructions per call under callgrind. Node runs with `--single-threaded` (the JIT compiles on the main
 * thread, no V8 worker threads) so that the count does not depend on thread timing. The output files are
 * kept in `workDir` for callgrind_annotate (the native frames are named; JIT-compiled JavaScript is not).
 */
export function instructionsPerCall(plan: CounterPlan, impl: Impl, workDir: string): number {
  mkdirSync(workDir, { recursive: true });
  const totals = [plan.small, plan.large].map((calls) => {
    const file = join(workDir, `callgrind-${impl}-${calls}.out`);
    run("valgrind", ["--tool=callgrind", `--callgrind-out-file=${file}`, process.execPath, "--single-threaded", ...clientArgs(plan, impl, calls)]);
    const total = existsSync(file) ? parseCallgrindTotal(readFileSync(file, "utf8")) : undefined;
    if (total === undefined) throw new Error(`callgrind wrote no total for ${impl}`);
    return total;
  });
  return (totals[1]! - totals[0]!) / (plan.large - plan.small);
}
