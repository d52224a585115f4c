// Compares a request our runtime sent with the one the official client sent for the same input.
import type { ReceivedRequest } from "../../../testing/src/index.js";
import { verifySignatureV3 } from "../../../testing/src/index.js";

/** Why a header may differ, and whether only on requests that carry a body. */
export interface AllowedHeaderDifference {
  readonly reason: string;
  readonly onlyWithBody?: boolean;
}

/**
 * The only headers allowed to differ between our request and the official client's, with the reason.
 * Every other header, signed or not, must be present on both sides with the same value.
 */
export const ALLOWED_HEADER_DIFFERENCES: Readonly<Record<string, AllowedHeaderDifference>> = {
  "user-agent": { reason: "each client names itself (acs-modular/… vs AlibabaCloud (…) Node.js/… Core/… TeaDSL/1); not signed" },
  // Message framing of a request body. The official client hands its body to Node as a stream, so Node
  // sends it chunked; ours sends a string with its length. Neither header is signed, the server sees the
  // same bytes, and the bytes themselves are compared (body, x-acs-content-sha256). Without a body both
  // send `content-length: 0`, and that is compared.
  "content-length": { reason: "framing: ours sends the body length, the official client streams the body; not signed", onlyWithBody: true },
  "transfer-encoding": { reason: "framing: the official client streams a request body as `chunked`; not signed", onlyWithBody: true },
};

function allowedToDiffer(name: string, hasBody: boolean): boolean {
  const allowed = ALLOWED_HEADER_DIFFERENCES[name];
  return allowed !== undefined && (hasBody || !allowed.onlyWithBody);
}

/** Headers whose values are secrets: compared, never printed. */
const SECRET_HEADERS = new Set(["authorization", "x-acs-security-token"]);

function show(name: string, value: string | undefined): string {
  if (value === undefined) return "(absent)";
  return SECRET_HEADERS.has(name) ? "(redacted)" : JSON.stringify(value);
}

/** A canonical request with the security token's value hidden (it is a signed header). */
function redactCanonical(canonical: string): string {
  return canonical.replace(/^(x-acs-security-token:).*$/m, "$1(redacted)");
}

function sortedPairs(pairs: readonly (readonly [string, string])[]): string[] {
  return pairs.map(([k, v]) => JSON.stringify([k, v])).sort();
}

/**
 * Every difference between the two requests, as readable lines without secret values; empty when they
 * are the same request. Signatures are checked with `secret` by the independent verifier in
 * packages/testing, which also rebuilds each side's canonical request from what was received.
 */
export function requestDifferences(ours: ReceivedRequest, theirs: ReceivedRequest, secret: string): string[] {
  const diffs: string[] = [];
  if (ours.method !== theirs.method) diffs.push(`method: ours ${ours.method}, official ${theirs.method}`);
  if (ours.pathname !== theirs.pathname) diffs.push(`path: ours ${ours.pathname}, official ${theirs.pathname}`);
  const oq = sortedPairs(ours.query);
  const tq = sortedPairs(theirs.query);
  if (oq.join("\n") !== tq.join("\n")) {
    const onlyOurs = oq.filter((p) => !tq.includes(p));
    const onlyTheirs = tq.filter((p) => !oq.includes(p));
    diffs.push(`query: only ours ${onlyOurs.join(" ") || "-"}; only official ${onlyTheirs.join(" ") || "-"}`);
  }
  if (ours.body !== theirs.body) diffs.push(`body: ours ${JSON.stringify(ours.body)}, official ${JSON.stringify(theirs.body)}`);
  const names = new Set([...Object.keys(ours.headers), ...Object.keys(theirs.headers)]);
  const hasBody = ours.body.length > 0 || theirs.body.length > 0;
  for (const name of [...names].sort()) {
    if (allowedToDiffer(name, hasBody)) continue;
    const a = ours.headers[name];
    const b = theirs.headers[name];
    if (a !== b) diffs.push(`header ${name}: ours ${show(name, a)}, official ${show(name, b)}`);
  }
  const ourCheck = verifySignatureV3(ours, secret);
  const theirCheck = verifySignatureV3(theirs, secret);
  if (!ourCheck.ok) diffs.push(`our signature does not verify: ${ourCheck.reason}`);
  if (!theirCheck.ok) diffs.push(`official signature does not verify: ${theirCheck.reason}`);
  if (ourCheck.canonicalRequest !== theirCheck.canonicalRequest) {
    diffs.push(`canonical request:\n--- ours\n${redactCanonical(ourCheck.canonicalRequest)}\n--- official\n${redactCanonical(theirCheck.canonicalRequest)}`);
  }
  return diffs;
}
