/**
 * The implementations the per-call benchmark compares: ours, the official client, the bare-http floor, and
 * ours with a transport that answers at once without I/O (the runtime's own CPU: validation,
 * serialization, signing, decoding).
 */
// `floorThenNoIo`: a floor request, then a call of ours without I/O. Its CPU minus the floor's is what the
// runtime's own work costs right after a socket round trip, to compare with `oursNoIo` run back to back.
export type Impl = "ours" | "theirs" | "bare" | "oursNoIo" | "floorThenNoIo";

export const IMPLS: readonly Impl[] = ["ours", "theirs", "bare", "oursNoIo", "floorThenNoIo"];

/** Fake credentials: the benchmark server never checks signatures, and nothing leaves 127.0.0.1. */
export const BENCH_ACCESS_KEY_ID = "LTAI5tBENCHACCESSKEYID000";
export const BENCH_ACCESS_KEY_SECRET = "BenchSecret-NotReal-0000";

/** The input of every benchmarked call. */
export const CALL_INPUT = {
  FileSystemId: "bmcpfs-370lx1ev9ss27o0****",
  DataFlowId: "df-194433a5be31****",
  DataFlowTaskId: "task-38aa8e890f45****",
  DataFlowSubTaskId: "subTaskId-370kyfmyknxcyzw****",
} as const;

/** What the client child prints: one sample per implementation and round. */
export interface PerCallRounds {
  calls: number;
  rounds: number;
  cpuUsPerCall: Record<Impl, number[]>;
  /** The user-mode part of cpuUsPerCall (the rest is system time: syscalls, loopback TCP). */
  userUsPerCall: Record<Impl, number[]>;
  callsPerSecond: Record<Impl, number[]>;
  /** TCP connections the server accepted during the measured rounds (0 means keep-alive reused one). */
  newConnections: Record<Impl, number>;
}

/** What the client prints in `counts` mode: per call, averaged over `calls` after a warm-up. */
export interface PerCallCounts {
  calls: number;
  /** libuv event-loop iterations (performance.nodeTiming.uvMetricsInfo.loopCount). */
  loopTurns: Record<Impl, number>;
  /** Async resources created, by async_hooks type (PROMISE, Timeout, TickObject, TCPWRAP, HTTPCLIENTREQUEST, …). */
  asyncResources: Record<Impl, Record<string, number>>;
  voluntaryContextSwitches: Record<Impl, number>;
  involuntaryContextSwitches: Record<Impl, number>;
}
