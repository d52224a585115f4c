// The client side of the per-call benchmark (a child process): sequential CancelDataFlowSubTask calls with
// our package, the official client and a bare node:http request carrying the same headers, in alternating
// rounds. Prints one JSON line: per implementation and round, client CPU µs per call and calls per second.
import * as http from "node:http";
import { createRequire } from "node:module";
import { AcsClient, cancelDataFlowSubTask } from "@acs-modular/nas-cancel-data-flow-sub-task";
import { nodeHttpTransport, type HttpRequest } from "@acs-modular/runtime";
import { BENCH_ACCESS_KEY_ID, BENCH_ACCESS_KEY_SECRET, CALL_INPUT, IMPLS, type Impl, type PerCallRounds } from "./shared.js";

const [host = "", callsArg = "1000", roundsArg = "10", warmupArg = "1000", only = IMPLS.join(",")] = process.argv.slice(2);
const calls = Number(callsArg);
const rounds = Number(roundsArg);
const warmup = Number(warmupArg);
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

async function round(impl: Impl, n: number): Promise<{ cpuUs: number; userUs: number; wallMs: number }> {
  const call = CALLS[impl];
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await call();
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  return { cpuUs: cpu.user + cpu.system, userUs: cpu.user, wallMs };
}

async function main(): Promise<void> {
  const impls = only.split(",") as Impl[];
  const perImpl = <T>(make: () => T): Record<Impl, T> => Object.fromEntries(IMPLS.map((i) => [i, make()])) as Record<Impl, T>;
  const result: PerCallRounds = { calls, rounds, cpuUsPerCall: perImpl(() => []), userUsPerCall: perImpl(() => []), callsPerSecond: perImpl(() => []), newConnections: perImpl(() => 0) };
  await CALLS.ours(); // fills `captured` before the bare floor needs it
  for (const impl of impls) await round(impl, warmup);
  for (let r = 0; r < rounds; r++) {
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
  bareAgent.destroy();
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

void main();
