import { createRequire } from "node:module";
import { signRequestV3 } from "@acs-modular/runtime";
import { pairedRatio, spread, type PairedRatio, type Spread } from "../stats.js";

const require = createRequire(import.meta.url);
type Authorize = (request: object, algorithm: string, payloadHash: string, accessKeyId: string, secret: string) => string;
// Both official implementations are CommonJS: @alicloud/openapi-util (tea-era clients) and the Utils of
// @alicloud/openapi-core (what @alicloud/nas20170626 3.x calls on every request).
const openapiUtil = (require("@alicloud/openapi-util") as { default: { getAuthorization: Authorize } }).default;
const openapiCore = (require("@alicloud/openapi-core/dist/utils.js") as { default: { getAuthorization: Authorize } }).default;

const ALGORITHM = "ACS3-HMAC-SHA256";
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const CREDENTIALS = { accessKeyId: "LTAI5tBENCHACCESSKEYID000", accessKeySecret: "BenchSecret-NotReal-0000" };
const DATE = "2024-06-24T08:00:00Z";
const NONCE = "3b9f6a1e-bench-nonce-0001";

/** A typical RPC call: CancelDataFlowSubTask, six query parameters, no body. */
const REQUEST = {
  method: "POST",
  host: "nas.cn-hangzhou.aliyuncs.com",
  pathname: "/",
  query: [
    ["ClientToken", "123e4567-e89b-12d3-a456-426655440000"],
    ["DataFlowId", "df-194433a5be31****"],
    ["DataFlowSubTaskId", "subTaskId-370kyfmyknxcyzw****"],
    ["DataFlowTaskId", "task-38aa8e890f45****"],
    ["DryRun", "false"],
    ["FileSystemId", "bmcpfs-370lx1ev9ss27o0****"],
  ] as [string, string][],
  headers: { "x-acs-action": "CancelDataFlowSubTask", "x-acs-version": "2017-06-26", accept: "application/json", "user-agent": "bench" },
};

export type Signer = "ours" | "openapiUtil" | "openapiCore";

export interface SigningResult {
  readonly iterations: number;
  readonly rounds: number;
  /** ns per signature, spread over the rounds. */
  readonly nsPerSignature: Record<Signer, Spread>;
  /** Ours / official, round by round (≤ 1 means ours is faster). */
  readonly ratios: { readonly oursOverCore: PairedRatio; readonly oursOverUtil: PairedRatio };
  /** All three produced the same Authorization header for the same request (they sign the same bytes). */
  readonly sameSignature: boolean;
}

function oursSign(): string {
  return signRequestV3(REQUEST, CREDENTIALS, { date: DATE, nonce: NONCE }).headers.authorization!;
}

// The official signers take the headers already complete (the client adds date, nonce and content hash
// before it signs), so they get exactly the headers ours ends up signing; that favours them slightly.
const officialHeaders = (() => {
  const { authorization: _, ...rest } = signRequestV3(REQUEST, CREDENTIALS, { date: DATE, nonce: NONCE }).headers;
  return rest;
})();
const officialRequest = { method: REQUEST.method, pathname: REQUEST.pathname, query: Object.fromEntries(REQUEST.query), headers: officialHeaders };

const SIGNERS: Record<Signer, () => string> = {
  ours: oursSign,
  openapiUtil: () => openapiUtil.getAuthorization(officialRequest, ALGORITHM, EMPTY_SHA256, CREDENTIALS.accessKeyId, CREDENTIALS.accessKeySecret),
  openapiCore: () => openapiCore.getAuthorization(officialRequest, ALGORITHM, EMPTY_SHA256, CREDENTIALS.accessKeyId, CREDENTIALS.accessKeySecret),
};

function timeRound(sign: () => string, iterations: number): number {
  let sink = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) sink += sign().length;
  const ns = Number(process.hrtime.bigint() - t0);
  if (sink === 0) throw new Error("unreachable: keeps the loop from being optimised away");
  return ns / iterations;
}

/** ns per V3 signature, ours against both official implementations, in alternating rounds in this process. */
export function measureSigning(iterations: number, rounds: number, tolerance: number): SigningResult {
  const signers = Object.keys(SIGNERS) as Signer[];
  const outputs = new Set(signers.map((s) => SIGNERS[s]()));
  for (const s of signers) timeRound(SIGNERS[s], iterations); // warm-up: let the JIT settle
  const samples = Object.fromEntries(signers.map((s) => [s, [] as number[]])) as Record<Signer, number[]>;
  for (let r = 0; r < rounds; r++) {
    for (let j = 0; j < signers.length; j++) {
      const s = signers[(r + j) % signers.length]!;
      samples[s].push(timeRound(SIGNERS[s], iterations));
    }
  }
  const nsPerSignature = Object.fromEntries(signers.map((s) => [s, spread(samples[s])])) as Record<Signer, Spread>;
  return {
    iterations,
    rounds,
    nsPerSignature,
    ratios: { oursOverCore: pairedRatio(samples.ours, samples.openapiCore, tolerance), oursOverUtil: pairedRatio(samples.ours, samples.openapiUtil, tolerance) },
    sameSignature: outputs.size === 1,
  };
}
