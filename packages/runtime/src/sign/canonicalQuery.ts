import { percentEncode } from "./percentEncode.js";

/** Sorts by encoded name (code-unit order), then joins `name=value` with `&`. */
export function canonicalQuery(params: readonly (readonly [string, string])[]): string {
  const encoded = params.map(([k, v]) => [percentEncode(k), percentEncode(v)] as const);
  encoded.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  let out = "";
  for (const [k, v] of encoded) out += (out ? "&" : "") + k + "=" + v;
  return out;
}
