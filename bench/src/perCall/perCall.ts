import { join } from "node:path";
import { runNodeJson, startChild } from "../exec.js";
import { DIST_DIR } from "../paths.js";
import { median } from "../stats.js";
import { IMPLS, type Impl, type PerCallRounds } from "./shared.js";

export interface PerCallResult {
  readonly calls: number;
  readonly rounds: number;
  /** Median client CPU µs per call. */
  readonly cpuUs: Record<Impl, number>;
  /** Median user-mode CPU µs per call. */
  readonly userUs: Record<Impl, number>;
  /** Median calls per second. */
  readonly callsPerSecond: Record<Impl, number>;
  readonly newConnections: Record<Impl, number>;
}

/** Runs the server and the client in two child processes and reduces the client's rounds to medians. */
export async function measurePerCall(calls: number, rounds: number, warmup: number): Promise<PerCallResult> {
  const { child, firstLine } = await startChild(process.execPath, [join(DIST_DIR, "perCall/server.js")]);
  try {
    const raw = runNodeJson<PerCallRounds>(join(DIST_DIR, "perCall/client.js"), [`127.0.0.1:${firstLine.trim()}`, String(calls), String(rounds), String(warmup)]);
    const pick = (samples: Record<Impl, number[]>): Record<Impl, number> =>
      Object.fromEntries(IMPLS.map((i) => [i, median(samples[i])])) as Record<Impl, number>;
    return { calls, rounds, cpuUs: pick(raw.cpuUsPerCall), userUs: pick(raw.userUsPerCall), callsPerSecond: pick(raw.callsPerSecond), newConnections: raw.newConnections };
  } finally {
    child.stdin?.end();
    child.kill();
  }
}
