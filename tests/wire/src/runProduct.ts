// Runs the differential comparison over every operation of one product: for each operation and variant, our
// package and the official SDK send the same input (date and nonce pinned, one attempt each) to the one capture
// server, and the two captured requests are compared. Operations are processed by a small pool of concurrent
// workers; every call is keyed by its own nonce, so nothing mixes.
import { bytesReply, jsonReply, startCaptureServer, type CaptureServer, type CapturedRequest } from "./capture/captureServer.js";
import { compareRequests, verifyOfficialSignature, type Comparison, type CompareContext } from "./compare/compareRequests.js";
import { idempotencyTokenParameter, variantsFor, type Variant, type VariantName } from "./inputs/variants.js";
import { hashString } from "./inputs/prng.js";
import type { MetaOperation, ProductMetadata } from "./metadata/loadMetadata.js";
import { createOfficialDriver, type OfficialDriver, type WireCredentials } from "./official/officialDriver.js";
import type { SkewNote } from "./official/mapInput.js";
import { callOurs, loadOurOperation, type OurOperation } from "./ours/ourDriver.js";
import type { Product } from "./products.js";

/** Test-only credentials: never real. */
export const WIRE_CREDENTIALS = {
  ak: { accessKeyId: "LTAI5tWIRETESTKEYID000000", accessKeySecret: "WireTestSecret-DoNotLeak-3c1f" },
  sts: { accessKeyId: "STS.WIRETESTKEYID00000000", accessKeySecret: "WireTestStsSecret-DoNotLeak-9a2e", securityToken: "WireTestStsToken-DoNotLeak-51d7" },
} as const satisfies Record<"ak" | "sts", WireCredentials>;

export type RequestStatus =
  /** No difference at all. */
  | "identical"
  /** Only deliberate differences. */
  | "deliberate"
  /** At least one difference nobody explained: a failure. */
  | "unexplained"
  /** Not compared: the official SDK lacks the operation. */
  | "skew"
  /** Not compared: our package is not generated yet (the official request was still sent and checked). */
  | "not-generated";

export interface RequestResult {
  readonly action: string;
  readonly variant: VariantName;
  readonly status: RequestStatus;
  /** One readable line per difference or problem. */
  readonly lines: readonly string[];
  /** What the SDK and the metadata disagree on for this input. */
  readonly skew: readonly SkewNote[];
  /** Official quirks that made its signature fail (the official client is wrong). */
  readonly officialWrong: readonly string[];
  /** Whether our package for the operation exists. */
  readonly generated: boolean;
}

export interface ProductReport {
  readonly product: Product;
  readonly sdkVersion: string;
  readonly operations: number;
  readonly results: readonly RequestResult[];
  /** Official vs official (same input twice): lines of any difference, which would mean the harness is not deterministic. */
  readonly sanity: readonly string[];
  readonly sanityRequests: number;
}

export interface RunOptions {
  readonly seed: number;
  /** Calls in flight at once (each a pair of requests). */
  readonly concurrency?: number;
  /** Restricts the run to these actions (unit tests). */
  readonly only?: readonly string[];
  /** Also send each operation's `all` input twice with the official SDK and compare the two (must be identical). */
  readonly sanity?: boolean;
}

function replyFor(op: MetaOperation, key: string) {
  return op.produces.includes("application/octet-stream") ? bytesReply(key) : jsonReply(key);
}

/** A pinned date for one call: fixed per seed and label, spread over 2025–2026 so date formatting is exercised. */
export function pinnedDate(seed: number, label: string): Date {
  return new Date(Date.UTC(2025, 0, 1) + (hashString(`${seed}:date:${label}`) % (2 * 365 * 86400)) * 1000);
}

interface Sent {
  readonly requests: CapturedRequest[];
  readonly error?: string;
  readonly validation?: boolean;
}

async function sendOfficial(server: CaptureServer, driver: OfficialDriver, op: MetaOperation, plan: Parameters<OfficialDriver["call"]>[0], variant: Variant, key: string, date: Date): Promise<Sent> {
  server.expect(key, replyFor(op, key));
  const outcome = await driver.call(plan, variant.credentials, { date, nonce: key });
  return { requests: server.take(key), ...(outcome.error ? { error: outcome.error } : {}) };
}

async function sendOurs(server: CaptureServer, ours: OurOperation, op: MetaOperation, input: Readonly<Record<string, unknown>>, variant: Variant, key: string, date: Date): Promise<Sent> {
  server.expect(key, replyFor(op, key));
  const outcome = await callOurs(ours, server.host, WIRE_CREDENTIALS[variant.credentials], { date, nonce: key }, input);
  return { requests: server.take(key), ...(outcome.error ? { error: outcome.error } : {}), ...(outcome.validation ? { validation: true } : {}) };
}

/** Whether the input carries the idempotency token: top level, dotted (`body.clientToken`), or in the ROA body. */
function hasToken(input: Readonly<Record<string, unknown>>, tokenName: string): boolean {
  let at: unknown = input;
  for (const part of tokenName.split(".")) at = typeof at === "object" && at !== null ? (at as Record<string, unknown>)[part] : undefined;
  if (at !== undefined) return true;
  const body = input.body;
  const leaf = tokenName.split(".").pop()!;
  return typeof body === "object" && body !== null && (body as Record<string, unknown>)[leaf] !== undefined;
}

function contextFor(op: MetaOperation, variant: Variant, input: Readonly<Record<string, unknown>>, tokenName: string | undefined): CompareContext {
  const creds: WireCredentials = WIRE_CREDENTIALS[variant.credentials];
  const pathValues: Record<string, unknown> = {};
  for (const p of op.parameters) if (p.in === "path" && input[p.name] !== undefined) pathValues[p.name] = input[p.name];
  return {
    secret: creds.accessKeySecret,
    accessKeyId: creds.accessKeyId,
    ...(creds.securityToken !== undefined ? { securityToken: creds.securityToken } : {}),
    ...(tokenName !== undefined ? { tokenName } : {}),
    inputHasToken: tokenName !== undefined && hasToken(input, tokenName),
    ...(op.path !== "/" ? { pathTemplate: op.path, pathValues } : {}),
  };
}

/** Checks a lone official request (our package is not generated): one request, a signature that verifies. */
function checkOfficialAlone(sent: Sent, secret: string): { lines: string[]; officialWrong: string[] } {
  if (sent.requests.length !== 1) return { lines: [`official sent ${sent.requests.length} requests${sent.error ? ` (${sent.error})` : ""}`], officialWrong: [] };
  const { check, quirks } = verifyOfficialSignature(sent.requests[0]!, secret);
  if (check.ok || quirks.length > 0) return { lines: [], officialWrong: quirks };
  return { lines: [`official signature does not verify: ${check.reason}`], officialWrong: [] };
}

function skewLines(skew: readonly SkewNote[]): string[] {
  return skew.filter((s) => s.kind !== "type").map((s) => `skew ${s.path}: ${s.reason} (left out of both requests)`);
}

async function runVariant(server: CaptureServer, driver: OfficialDriver, ours: OurOperation | undefined, op: MetaOperation, variant: Variant, seed: number, code: string): Promise<RequestResult> {
  const base = { action: op.action, variant: variant.name, generated: ours !== undefined };
  const planned = driver.plan(op, variant.input);
  if (!planned.ok) return { ...base, status: "skew", lines: planned.skew.map((s) => `skew ${s.path}: ${s.reason}`), skew: planned.skew, officialWrong: [] };
  const { plan } = planned;
  const key = `wire-${code}-${op.action}-${variant.name}`;
  const date = pinnedDate(seed, `${code}/${op.action}/${variant.name}`);
  const secret = WIRE_CREDENTIALS[variant.credentials].accessKeySecret;
  if (!ours) {
    const theirs = await sendOfficial(server, driver, op, plan, variant, key, date);
    const alone = checkOfficialAlone(theirs, secret);
    return { ...base, status: alone.lines.length > 0 ? "unexplained" : "not-generated", lines: [...alone.lines, ...skewLines(plan.skew)], skew: plan.skew, officialWrong: alone.officialWrong };
  }
  const mine = await sendOurs(server, ours, op, plan.sharedInput, variant, key, date);
  const theirs = await sendOfficial(server, driver, op, plan, variant, key, date);
  const problems: string[] = [];
  if (mine.requests.length !== 1) problems.push(`ours sent ${mine.requests.length} requests${mine.error ? ` (${mine.error})` : ""}`);
  if (theirs.requests.length !== 1) problems.push(`official sent ${theirs.requests.length} requests${theirs.error ? ` (${theirs.error})` : ""}`);
  if (problems.length > 0) {
    // Skew that removed a required parameter from the shared input explains a rejection by our validator.
    const removedRequired = plan.skew.some((s) => s.kind !== "type" && op.parameters.some((p) => p.required && s.path === `${op.action}.${p.name}`));
    const status: RequestStatus = mine.validation && removedRequired ? "skew" : "unexplained";
    return { ...base, status, lines: [...problems, ...skewLines(plan.skew)], skew: plan.skew, officialWrong: [] };
  }
  const tokenName = ours.idempotencyToken ?? idempotencyTokenParameter(op)?.name;
  const comparison: Comparison = compareRequests(mine.requests[0]!, theirs.requests[0]!, contextFor(op, variant, plan.sharedInput, tokenName));
  const lines = comparison.differences.map((d) => (d.deliberate ? `deliberate (${d.deliberate}) ${d.line}` : d.line));
  return { ...base, status: comparison.status, lines: [...lines, ...skewLines(plan.skew)], skew: plan.skew, officialWrong: comparison.officialWrong };
}

/** Sends the input twice with the official SDK; the lines of any difference (none expected, not even deliberate ones). */
async function sanityCheck(server: CaptureServer, driver: OfficialDriver, op: MetaOperation, variant: Variant, seed: number, code: string): Promise<string[] | undefined> {
  const planned = driver.plan(op, variant.input);
  if (!planned.ok) return undefined;
  const key = `wire-${code}-${op.action}-sanity`;
  const date = pinnedDate(seed, `${code}/${op.action}/sanity`);
  const first = await sendOfficial(server, driver, op, planned.plan, variant, key, date);
  const second = await sendOfficial(server, driver, op, planned.plan, variant, key, date);
  if (first.requests.length !== 1 || second.requests.length !== 1) return [`${op.action} sanity: official sent ${first.requests.length} and ${second.requests.length} requests`];
  const ctx = { ...contextFor(op, variant, planned.plan.sharedInput, idempotencyTokenParameter(op)?.name), firstIsOfficial: true };
  const c = compareRequests(first.requests[0]!, second.requests[0]!, ctx);
  // Official against itself: not even a deliberate difference may show (a quirk shows on both, equally).
  return c.differences.map((d) => `${op.action} sanity: ${d.line}`);
}

async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}

/** Runs every operation of `metadata` (or `options.only`) through both clients. */
export async function runProduct(product: Product, metadata: ProductMetadata, options: RunOptions): Promise<ProductReport> {
  const server = await startCaptureServer();
  try {
    const driver = createOfficialDriver(product, server.host, WIRE_CREDENTIALS);
    const operations = metadata.operations.filter((op) => !options.only || options.only.includes(op.action));
    const results: RequestResult[] = [];
    const sanity: string[] = [];
    let sanityRequests = 0;
    await pool(operations, options.concurrency ?? 4, async (op) => {
      const ours = await loadOurOperation(product.code, op.action);
      const variants = variantsFor(op, options.seed);
      for (const variant of variants) results.push(await runVariant(server, driver, ours, op, variant, options.seed, product.code));
      if (options.sanity) {
        const lines = await sanityCheck(server, driver, op, variants[0]!, options.seed, product.code);
        if (lines) {
          sanity.push(...lines);
          sanityRequests += 2;
        }
      }
    });
    if (server.unkeyed.length > 0) sanity.push(`${server.unkeyed.length} requests reached the capture server with no registered key`);
    const order = (r: RequestResult) => `${r.action}\u0000${r.variant}`;
    results.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
    return { product, sdkVersion: driver.sdk.version, operations: operations.length, results, sanity: sanity.sort(), sanityRequests };
  } finally {
    await server.close();
  }
}
