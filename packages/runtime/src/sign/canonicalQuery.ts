import { percentEncode } from "./percentEncode.js";

type Pair = readonly [string, string];

function byNameThenValue(a: Pair, b: Pair): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

/** Sorts by encoded name (code-unit order), then joins `name=value` with `&`. */
export function canonicalQuery(params: readonly Pair[]): string {
  return canonicalEncodedQuery(params.map(([k, v]) => [percentEncode(k), percentEncode(v)] as const));
}

/**
 * {@link canonicalQuery} of pairs already percent-encoded (as the request sends them): the runtime encodes
 * a call's query once, for its URL, and signs every attempt with the same canonical string. @internal
 */
export function canonicalEncodedQuery(encoded: readonly Pair[]): string {
  if (encoded.length === 0) return "";
  const sorted = encoded.length === 1 ? encoded : [...encoded].sort(byNameThenValue);
  let out = `${sorted[0]![0]}=${sorted[0]![1]}`;
  for (let i = 1; i < sorted.length; i++) out += `&${sorted[i]![0]}=${sorted[i]![1]}`;
  return out;
}
