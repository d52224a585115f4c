// Compares the request our package sent with the one the official SDK sent for the same input: method; path
// (decoded segment by segment); query (decoded, as a multiset); body decoded per content type (form → multiset
// of pairs, JSON → parsed and deep-equal, anything else → bytes); every header value but the derived ones; the
// signed-header set; and both signatures, verified independently from the raw bytes. Each difference is one
// readable line without secrets, labelled with the DELIBERATE_DIFFERENCES id that explains it or left
// unexplained. When the official signature fails but verifies under a known official quirk, the official client
// is named wrong, and our path is checked against the metadata instead.
import type { CapturedRequest } from "../capture/captureServer.js";
import { canonicalJson, decodeBody, decodePath, mediaType, pairDifference, parseQuery, rfc3986, type DecodedBody, type Pair } from "./decode.js";
import { DELIBERATE_DIFFERENCES, DELIBERATE_HEADERS, DERIVED_HEADERS, type DeliberateDifference, type DeliberateId } from "./deliberateDifferences.js";
import { quirkCombinations } from "./officialQuirks.js";
import { verifySignature } from "./verifySignature.js";

export type Aspect = "method" | "path" | "query" | "body" | "header" | "signed-headers" | "signature" | "metadata";

export interface Difference {
  readonly aspect: Aspect;
  /** One readable line, no secret values. */
  readonly line: string;
  /** Set when the difference is deliberate. */
  readonly deliberate?: DeliberateId;
}

export interface CompareContext {
  /** The secret both requests were signed with. */
  readonly secret: string;
  /** The access key id both must name. */
  readonly accessKeyId: string;
  /** The security token both must send (STS variants). */
  readonly securityToken?: string;
  /** Name of the operation's idempotency token parameter, if any. */
  readonly tokenName?: string;
  /** Whether the input carried the token (then it must be identical on both sides). */
  readonly inputHasToken: boolean;
  /** For the metadata check: the path template and the input's path values. */
  readonly pathTemplate?: string;
  readonly pathValues?: Readonly<Record<string, unknown>>;
  /** Sanity mode: the first request is the official client's too (its quirks are expected, not ours). */
  readonly firstIsOfficial?: boolean;
}

export interface Comparison {
  readonly differences: readonly Difference[];
  /** Ids of the official quirks that explain its failed signature (empty when it verified). */
  readonly officialWrong: readonly string[];
  /** `identical`: no difference but those that differ on every request by construction (user-agent). */
  readonly status: "identical" | "deliberate" | "unexplained";
}

/** Headers whose values are secrets: compared, never printed. */
const SECRET_HEADERS = new Set(["authorization", "x-acs-security-token"]);

function show(name: string, value: string | undefined): string {
  if (value === undefined) return "(absent)";
  return SECRET_HEADERS.has(name) ? "(redacted)" : JSON.stringify(value);
}

function showPairs(pairs: readonly Pair[]): string {
  return pairs.length === 0 ? "-" : pairs.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(" ");
}

/** Splits the idempotency-token pairs (deliberate when the input omitted the token) from the others. */
function comparePairs(aspect: "query" | "body", ours: readonly Pair[], theirs: readonly Pair[], ctx: CompareContext, out: Difference[]): void {
  const { onlyA, onlyB } = pairDifference(ours, theirs);
  const isToken = (p: Pair) => ctx.tokenName !== undefined && !ctx.inputHasToken && p[0] === ctx.tokenName;
  const tokenOurs = onlyA.filter(isToken);
  const restOurs = onlyA.filter((p) => !isToken(p));
  if (tokenOurs.length > 0 && !onlyB.some((p) => p[0] === ctx.tokenName)) {
    out.push({ aspect, line: `${aspect}: only ours sends ${ctx.tokenName} (a UUID filled per call)`, deliberate: "client-token" });
  } else {
    restOurs.push(...tokenOurs);
  }
  // A `json`-style value serialized with its keys in another order is the same value.
  const jsonEqual = (a: Pair, b: Pair) => a[0] === b[0] && /^[[{]/.test(a[1]) && sameJson(a[1], b[1]);
  const restTheirs = [...onlyB];
  for (const p of [...restOurs]) {
    const i = restTheirs.findIndex((q) => jsonEqual(p, q));
    if (i < 0) continue;
    restTheirs.splice(i, 1);
    restOurs.splice(restOurs.indexOf(p), 1);
    out.push({ aspect, line: `${aspect}: ${p[0]} is the same JSON value serialized differently`, deliberate: "json-serialization" });
  }
  if (restOurs.length > 0 || restTheirs.length > 0) out.push({ aspect, line: `${aspect}: only ours ${showPairs(restOurs)}; only official ${showPairs(restTheirs)}` });
}

function sameJson(a: string, b: string): boolean {
  try {
    return canonicalJson(JSON.parse(a)) === canonicalJson(JSON.parse(b));
  } catch {
    return false;
  }
}

/** Up to `limit` JSON paths where two values differ. */
function jsonDifferences(a: unknown, b: unknown, path: string, out: string[], limit = 8): void {
  if (out.length >= limit) return;
  if (canonicalJson(a) === canonicalJson(b)) return;
  const isObj = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((item, i) => jsonDifferences(item, b[i], `${path}[${i}]`, out, limit));
    return;
  }
  if (isObj(a) && isObj(b)) {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    for (const k of [...new Set([...Object.keys(ra), ...Object.keys(rb)])].sort()) jsonDifferences(ra[k], rb[k], `${path}.${k}`, out, limit);
    return;
  }
  const s = (v: unknown) => (v === undefined ? "(absent)" : JSON.stringify(v).slice(0, 120));
  out.push(`${path || "(root)"}: ours ${s(a)}, official ${s(b)}`);
}

function compareBodies(ours: CapturedRequest, theirs: CapturedRequest, ctx: CompareContext, out: Difference[]): void {
  const a: DecodedBody = decodeBody(ours.body, ours.headers["content-type"]);
  const b: DecodedBody = decodeBody(theirs.body, theirs.headers["content-type"]);
  if (a.kind !== b.kind) {
    out.push({ aspect: "body", line: `body: ours ${a.kind} (${ours.body.length} bytes), official ${b.kind} (${theirs.body.length} bytes)` });
    return;
  }
  switch (a.kind) {
    case "empty":
      return;
    case "form": {
      const pb = (b as typeof a).pairs;
      const before = out.length;
      comparePairs("body", a.pairs, pb, ctx, out);
      if (out.length === before && !ours.body.equals(theirs.body)) out.push({ aspect: "body", line: "body: same form pairs in another order", deliberate: "form-order" });
      return;
    }
    case "json": {
      const vb = (b as typeof a).value;
      const paths: string[] = [];
      jsonDifferences(a.value, vb, "", paths);
      // The token at the body's top level, whatever prefix the descriptor names it with (`body.clientToken`).
      const tokenPath = ctx.tokenName !== undefined && !ctx.inputHasToken ? `.${ctx.tokenName.split(".").pop()!}` : undefined;
      const tokenOnly = paths.filter((p) => tokenPath !== undefined && p.startsWith(`${tokenPath}: `) && p.endsWith("official (absent)"));
      if (tokenOnly.length > 0) out.push({ aspect: "body", line: `body: only ours sends ${tokenPath!.slice(1)} (a UUID filled per call)`, deliberate: "client-token" });
      for (const p of paths.filter((x) => !tokenOnly.includes(x))) out.push({ aspect: "body", line: `body ${p}` });
      if (paths.length === 0 && !ours.body.equals(theirs.body)) out.push({ aspect: "body", line: "body: the same JSON value serialized differently", deliberate: "json-serialization" });
      return;
    }
    case "bytes": {
      const bb = (b as typeof a).bytes;
      if (!a.bytes.equals(bb)) {
        let i = 0;
        while (i < a.bytes.length && i < bb.length && a.bytes[i] === bb[i]) i++;
        out.push({ aspect: "body", line: `body bytes: ours ${a.bytes.length} bytes, official ${bb.length} bytes, first difference at byte ${i}` });
      }
      return;
    }
  }
}

function compareHeaders(ours: CapturedRequest, theirs: CapturedRequest, out: Difference[]): void {
  const names = [...new Set([...Object.keys(ours.headers), ...Object.keys(theirs.headers)])].sort();
  for (const name of names) {
    if (DERIVED_HEADERS.has(name)) continue;
    const a = ours.headers[name];
    const b = theirs.headers[name];
    if (a === b) continue;
    const deliberate = DELIBERATE_HEADERS[name];
    const line = `header ${name}: ours ${show(name, a)}, official ${show(name, b)}`;
    out.push(deliberate ? { aspect: "header", line, deliberate } : { aspect: "header", line });
  }
}

function signedList(req: CapturedRequest): string[] {
  const m = /SignedHeaders=([^,]+)/.exec(req.headers.authorization ?? "");
  return m ? m[1]!.split(";") : [];
}

function compareSignedHeaders(ours: CapturedRequest, theirs: CapturedRequest, out: Difference[]): void {
  const a = signedList(ours);
  const b = signedList(theirs);
  for (const name of a.filter((h) => !b.includes(h))) out.push({ aspect: "signed-headers", line: `signed headers: only ours signs ${name}` });
  for (const name of b.filter((h) => !a.includes(h))) {
    const line = `signed headers: only official signs ${name}`;
    out.push(name === "x-acs-credentials-provider" ? { aspect: "signed-headers", line, deliberate: "credentials-provider" } : { aspect: "signed-headers", line });
  }
}

/** Our path against the metadata's template filled with the input (each value one RFC 3986-encoded segment). */
export function checkPathAgainstMetadata(ours: CapturedRequest, template: string, values: Readonly<Record<string, unknown>>): string | undefined {
  const expected = template.replace(/\{([^}]+)\}/g, (_, name: string) => rfc3986(String(values[name] ?? "")));
  const a = decodePath(ours.rawPath);
  const b = decodePath(expected);
  if (a.length === b.length && a.every((s, i) => s === b[i])) return undefined;
  return `metadata: our path ${JSON.stringify(a.join(" / "))} is not the metadata's ${JSON.stringify(b.join(" / "))}`;
}

function checkCredentials(side: string, req: CapturedRequest, ctx: CompareContext, out: Difference[]): void {
  const check = verifySignature(req, ctx.secret);
  if (check.accessKeyId !== "" && check.accessKeyId !== ctx.accessKeyId) out.push({ aspect: "signature", line: `${side} signs for another access key id` });
  if (ctx.securityToken !== undefined) {
    if (req.headers["x-acs-security-token"] !== ctx.securityToken) out.push({ aspect: "signature", line: `${side} does not send the STS token in x-acs-security-token` });
    if (req.headers["x-acs-accesskey-id"] !== ctx.accessKeyId) out.push({ aspect: "signature", line: `${side} does not send x-acs-accesskey-id with the STS token` });
  }
}

/**
 * Verifies a request the official client sent: strictly, and when that fails, under each combination of its
 * known quirks; `quirks` names the combination that verifies (the official client is wrong), empty otherwise.
 */
export function verifyOfficialSignature(req: CapturedRequest, secret: string): { check: ReturnType<typeof verifySignature>; quirks: string[] } {
  const check = verifySignature(req, secret);
  if (check.ok || check.reason !== "signature mismatch") return { check, quirks: [] };
  const quirk = quirkCombinations().find((c) => verifySignature(req, secret, c.rules).ok);
  return { check, quirks: quirk ? quirk.ids : [] };
}

/** Every difference between our request and the official one. */
export function compareRequests(ours: CapturedRequest, theirs: CapturedRequest, ctx: CompareContext): Comparison {
  const out: Difference[] = [];
  if (ours.method !== theirs.method) out.push({ aspect: "method", line: `method: ours ${ours.method}, official ${theirs.method}` });
  const pa = decodePath(ours.rawPath);
  const pb = decodePath(theirs.rawPath);
  if (pa.length !== pb.length || pa.some((s, i) => s !== pb[i])) {
    out.push({ aspect: "path", line: `path: ours ${JSON.stringify(pa.join(" / "))}, official ${JSON.stringify(pb.join(" / "))}` });
  }
  const qa = parseQuery(ours.rawQuery);
  const qb = parseQuery(theirs.rawQuery);
  const before = out.length;
  comparePairs("query", qa, qb, ctx, out);
  if (out.length === before && ours.rawQuery !== theirs.rawQuery && qa.length === qb.length) {
    // Same multiset: either the order or only the percent-encoding differs.
    const order = (q: readonly Pair[]) => q.map(([k]) => k).join("&");
    if (order(qa) !== order(qb)) out.push({ aspect: "query", line: "query: same parameters in another order", deliberate: "query-order" });
  }
  if (mediaType(ours.headers["content-type"]) !== mediaType(theirs.headers["content-type"]) || ours.body.length > 0 || theirs.body.length > 0) {
    compareBodies(ours, theirs, ctx, out);
  }
  compareHeaders(ours, theirs, out);
  compareSignedHeaders(ours, theirs, out);
  checkCredentials("ours", ours, ctx, out);
  checkCredentials("official", theirs, ctx, out);

  const mine = ctx.firstIsOfficial ? verifyOfficialSignature(ours, ctx.secret) : { check: verifySignature(ours, ctx.secret), quirks: [] };
  if (!mine.check.ok && mine.quirks.length === 0) out.push({ aspect: "signature", line: `${ctx.firstIsOfficial ? "first official" : "our"} signature does not verify: ${mine.check.reason}` });
  const official = verifyOfficialSignature(theirs, ctx.secret);
  const officialWrong = official.quirks;
  if (!official.check.ok && officialWrong.length === 0) out.push({ aspect: "signature", line: `official signature does not verify: ${official.check.reason}` });
  if (!ctx.firstIsOfficial && officialWrong.includes("official-path-sub-delims") && ctx.pathTemplate !== undefined) {
    const problem = checkPathAgainstMetadata(ours, ctx.pathTemplate, ctx.pathValues ?? {});
    if (problem) out.push({ aspect: "metadata", line: problem });
  }
  const counted = out.filter((d) => d.deliberate === undefined || !(DELIBERATE_DIFFERENCES[d.deliberate] as DeliberateDifference).everyRequest);
  const status = counted.length === 0 ? "identical" : counted.every((d) => d.deliberate !== undefined) ? "deliberate" : "unexplained";
  return { differences: out, officialWrong, status };
}
