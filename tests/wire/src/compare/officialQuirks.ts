// Known ways the official client signs something other than what it sends. When its request fails the strict
// check but verifies under a quirk's rules, the suite names the quirk ("official client is wrong") instead of
// reporting a signature difference, and checks our request against the metadata instead.
import { STRICT_RULES, type CanonicalRules } from "./verifySignature.js";

export interface OfficialQuirk {
  readonly id: string;
  /** What the official client does wrong, in one line. */
  readonly description: string;
  readonly rules: Partial<CanonicalRules>;
}

/**
 * `$dara.URL.percentEncode` (used for every ROA/FC path parameter) is `encodeURIComponent` plus replacing the
 * first `+`, the first `*` and the first `%7E`, and openapi-core's canonical URI then replaces every `*`:
 * `! ' ( )` stay literal in what it signs. Node's HTTP client sends `'` as `%27` (legacy URL escaping), so the
 * path it signs is not the path it sends, and under RFC 3986 (which the V3 signature prescribes) neither
 * `!`, `(` nor `)` may stay literal. Its signature cannot verify for a path value with any of them.
 */
const PATH_SUB_DELIMS: OfficialQuirk = {
  id: "official-path-sub-delims",
  description: "the official client signs ! ' ( ) literally in the path (encodeURIComponent) and sends ' as %27",
  rules: { pathSegment: (s) => encodeURIComponent(s).replace(/\*/g, "%2A") },
};

/**
 * openapi-core's canonical query encodes values but not names (`key + "=" + encode(value)`): a flattened map key
 * with reserved characters (`Tag.key 2+`) is signed raw.
 */
const QUERY_NAMES_UNENCODED: OfficialQuirk = {
  id: "official-query-names-unencoded",
  description: "the official client signs query parameter names without percent-encoding them",
  rules: { queryName: (s) => s },
};

export const OFFICIAL_QUIRKS: readonly OfficialQuirk[] = [PATH_SUB_DELIMS, QUERY_NAMES_UNENCODED];

/** Every non-empty combination of quirks, smallest first, with its merged rules. */
export function quirkCombinations(): { ids: string[]; rules: CanonicalRules }[] {
  const out: { ids: string[]; rules: CanonicalRules }[] = [];
  const n = OFFICIAL_QUIRKS.length;
  for (let mask = 1; mask < 1 << n; mask++) {
    const chosen = OFFICIAL_QUIRKS.filter((_, i) => mask & (1 << i));
    out.push({ ids: chosen.map((q) => q.id), rules: Object.assign({}, STRICT_RULES, ...chosen.map((q) => q.rules)) as CanonicalRules });
  }
  return out.sort((a, b) => a.ids.length - b.ids.length);
}

