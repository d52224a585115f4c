// Derives our product endpoint rules (one host pattern plus per-region exceptions) from the metadata's
// flat list of `{regionId, endpoint}`: the pattern is the one most regions follow.
import type { ProductSpecDocument } from "../spec/types.js";

type Endpoints = ProductSpecDocument["endpoints"];

const HOST = /^[a-z0-9.-]+$/;
const REGION = /^[a-z0-9-]+$/;

/**
 * The majority pattern and the exceptions. Ties go to the pattern seen first, so the result depends only on
 * the input. `fallback` (`<code>.{regionId}.aliyuncs.com`) is used when no region follows any pattern.
 */
export function convertEndpoints(raw: readonly { regionId: string; endpoint: string }[], fallback: string, report: (msg: string) => void): Endpoints {
  // Some metadata carries stray whitespace around host names (a trailing tab): not part of the name.
  const list = raw.map((e) => (typeof e.endpoint === "string" && typeof e.regionId === "string" ? { regionId: e.regionId.trim(), endpoint: e.endpoint.trim() } : e));
  const valid = list.filter((e) => {
    const ok = typeof e.regionId === "string" && REGION.test(e.regionId) && typeof e.endpoint === "string" && HOST.test(e.endpoint.toLowerCase());
    if (!ok) report(`endpoint ${JSON.stringify(e)} is not a region id and host name; not mapped`);
    return ok;
  });
  const counts = new Map<string, number>();
  for (const e of valid) {
    if (!e.endpoint.includes(e.regionId)) continue;
    const pattern = e.endpoint.toLowerCase().replace(e.regionId, "{regionId}");
    counts.set(pattern, (counts.get(pattern) ?? 0) + 1);
  }
  let pattern = fallback;
  let best = 0;
  for (const [p, n] of counts) if (n > best) [pattern, best] = [p, n];
  if (best === 0 && valid.length > 0) report(`no region endpoint contains its region id; pattern '${fallback}' assumed`);
  const regions: Record<string, string> = {};
  for (const e of [...valid].sort((a, b) => (a.regionId < b.regionId ? -1 : 1))) {
    const host = e.endpoint.toLowerCase();
    if (host !== pattern.replace("{regionId}", e.regionId)) regions[e.regionId] = host;
  }
  return Object.keys(regions).length > 0 ? { pattern, regions } : { pattern };
}
