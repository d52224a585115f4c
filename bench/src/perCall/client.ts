// The client side of the per-call benchmark (a child process): sequential CancelDataFlowSubTask calls with
// our package, the official client, a bare node:http request carrying the same headers, and ours without
// I/O. Modes (argv[3]):
//   rounds <calls> <rounds> <warmup> [impls]  alternating timed rounds; prints PerCallRounds as one JSON line
//   counts <calls> <warmup> [impls]           per call: event-loop turns, async resources by type, context switches
//   fixed  <calls> <warmup> <impl>            warm up, make <calls> calls, exit (run under strace or callgrind)
import { createHook } from "node:async_hooks";
import * as http from "node:http";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { AcsClient, cancelDataFlowSubTask } from "@acs-modular/nas-cancel-data-flow-sub-task";
import { nodeHttpTransport, type HttpRequest } from "@acs-modular/runtime";
import { BENCH_ACCESS_KEY_ID, BENCH_ACCESS_KEY_SECRET, CALL_INPUT, IMPLS, type Impl, type PerCallCounts, type PerCallRounds } from "./shared.js";

const [host = "", mode = "rounds", ...rest] = process.argv.slice(2);
const [hostname, port] = [host.split(":")[0]!, Number(host.split(":")[1])];

const require = createRequire(import.meta.url);
// The official SDK is CommonJS; require() it as its own docs do.
const nas = require("@alicloud/nas20170626") as typeof import("@alicloud/nas20170626");
const core = require("@alicloud/openapi-core") as typeof import("@alicloud/openapi-core");

const credentials = { accessKeyId: BENCH_ACCESS_KEY_ID, accessKeySecret: BENCH_ACCESS_KEY_SECRET };

// Ours: capture the first request it sends, so the bare floor can send exactly the same bytes.
let captured: HttpRequest | undefined;
const ours = new AcsClient({
  region: "cn-hangzhou",
  endpoint: host,
  protocol: "http",
  credentials,
  transport: (request, options) => {
    captured ??= request;
    return nodeHttpTransport(request, options);
  },
});

// The same calls with a transport that answers at once: what our runtime costs without any I/O.
const CANNED = { status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify({ RequestId: "473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E" }) };
const oursNoIo = new AcsClient({ region: "cn-hangzhou", endpoint: host, protocol: "http", credentials, transport: () => Promise.resolve(CANNED) });

const theirs = new nas.default(
  new core.$OpenApiUtil.Config({ ...credentials, regionId: "cn-hangzhou", endpoint: host, protocol: "HTTP" }),
);
const theirsInput = new nas.CancelDataFlowSubTaskRequest({
  fileSystemId: CALL_INPUT.FileSystemId,
  dataFlowId: CALL_INPUT.DataFlowId,
  dataFlowTaskId: CALL_INPUT.DataFlowTaskId,
  dataFlowSubTaskId: CALL_INPUT.DataFlowSubTaskId,
});

const bareAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
function bareCall(): Promise<unknown> {
  const req = captured!;
  return new Promise((resolve, reject) => {
    const r = http.request({ method: req.method, hostname, port, path: req.path, headers: req.headers, agent: bareAgent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString("utf8"))));
      res.on("error", reject);
    });
    r.on("error", reject);
    r.end(req.body);
  });
}

const CALLS: Record<Impl, () => Promise<unknown>> = {
  ours: () => cancelDataFlowSubTask(ours, CALL_INPUT),
  theirs: () => theirs.cancelDataFlowSubTask(theirsInput),
  bare: bareCall,
  oursNoIo: () => cancelDataFlowSubTask(oursNoIo, CALL_INPUT),
  floorThenNoIo: () => bareCall().then(() => cancelDataFlowSubTask(oursNoIo, CALL_INPUT)),
};

/** Asks the server how many connections it accepted, over a connection of its own (`agent: false`). */
function serverConnections(): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ hostname, port, path: "/__connections", agent: false }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () => resolve((JSON.parse(text) as { connections: number }).connections));
      })
      .on("error", reject);
  });
}

async function callMany(impl: Impl, n: number): Promise<void> {
  const call = CALLS[impl];
  for (let i = 0; i < n; i++) await call();
}

async function round(impl: Impl, n: number): Promise<{ cpuUs: number; userUs: number; wallMs: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await callMany(impl, n);
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  return { cpuUs: cpu.user + cpu.system, userUs: cpu.user, wallMs };
}

const perImpl = <T>(make: () => T): Record<Impl, T> => Object.fromEntries(IMPLS.map((i) => [i, make()])) as Record<Impl, T>;
const implList = (arg: string | undefined): Impl[] => (arg ?? IMPLS.join(",")).split(",") as Impl[];

async function rounds(calls: number, roundCount: number, warmup: number, impls: readonly Impl[]): Promise<PerCallRounds> {
  const result: PerCallRounds = { calls, rounds: roundCount, cpuUsPerCall: perImpl(() => []), userUsPerCall: perImpl(() => []), callsPerSecond: perImpl(() => []), newConnections: perImpl(() => 0) };
  for (const impl of impls) await callMany(impl, warmup);
  for (let r = 0; r < roundCount; r++) {
    for (let j = 0; j < impls.length; j++) {
      const impl = impls[(r + j) % impls.length]!;
      const before = await serverConnections();
      const { cpuUs, userUs, wallMs } = await round(impl, calls);
      // The stats request itself opens a connection; count only the ones the calls opened.
      result.newConnections[impl] += (await serverConnections()) - before - 1;
      result.cpuUsPerCall[impl].push(cpuUs / calls);
      result.userUsPerCall[impl].push(userUs / calls);
      result.callsPerSecond[impl].push((calls * 1000) / wallMs);
    }
  }
  return result;
}

/**
 * Per call, averaged over `calls`: libuv loop iterations, async resources created by type (promises,
 * timers, ticks, immediates, sockets, HTTP parsers…), and context switches. An async hook slows every
 * promise, so these runs are never timed.
 */
async function counts(calls: number, warmup: number, impls: readonly Impl[]): Promise<PerCallCounts> {
  const out: PerCallCounts = { calls, loopTurns: perImpl(() => 0), asyncResources: perImpl(() => ({})), voluntaryContextSwitches: perImpl(() => 0), involuntaryContextSwitches: perImpl(() => 0) };
  let current: Record<string, number> | undefined;
  const hook = createHook({
    init(_id, type) {
      if (current) current[type] = (current[type] ?? 0) + 1;
    },
  });
  for (const impl of impls) {
    await callMany(impl, warmup);
    const byType: Record<string, number> = {};
    hook.enable();
    const loop0 = performance.nodeTiming.uvMetricsInfo.loopCount;
    const ru0 = process.resourceUsage();
    current = byType;
    await callMany(impl, calls);
    current = undefined;
    const ru1 = process.resourceUsage();
    const loop1 = performance.nodeTiming.uvMetricsInfo.loopCount;
    hook.disable();
    out.loopTurns[impl] = (loop1 - loop0) / calls;
    out.asyncResources[impl] = Object.fromEntries(Object.entries(byType).sort(([a], [b]) => (a < b ? -1 : 1)).map(([t, n]) => [t, n / calls]));
    out.voluntaryContextSwitches[impl] = (ru1.voluntaryContextSwitches - ru0.voluntaryContextSwitches) / calls;
    out.involuntaryContextSwitches[impl] = (ru1.involuntaryContextSwitches - ru0.involuntaryContextSwitches) / calls;
  }
  return out;
}

async function main(): Promise<void> {
  await CALLS.ours(); // fills `captured` before the bare floor needs it
  if (mode === "rounds") {
    const [callsArg = "1000", roundsArg = "10", warmupArg = "1000", only] = rest;
    process.stdout.write(`${JSON.stringify(await rounds(Number(callsArg), Number(roundsArg), Number(warmupArg), implList(only)))}\n`);
  } else if (mode === "counts") {
    const [callsArg = "1000", warmupArg = "1000", only] = rest;
    process.stdout.write(`${JSON.stringify(await counts(Number(callsArg), Number(warmupArg), implList(only)))}\n`);
  } else if (mode === "fixed") {
    const [callsArg = "1000", warmupArg = "1000", impl = "ours"] = rest;
    await callMany(impl as Impl, Number(warmupArg));
    await callMany(impl as Impl, Number(callsArg));
    process.stdout.write(`${JSON.stringify({ impl, calls: Number(callsArg) })}\n`);
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  bareAgent.destroy();
  process.exit(0);
}

void main();
