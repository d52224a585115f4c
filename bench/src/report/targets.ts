import { formatPaired, formatTimes, linearFit, type PairedRatio } from "../stats.js";
import type { SuiteResults } from "./types.js";

/**
 * A verdict that the rounds support: `met` / `missed` when the per-round ratios agree within the tolerance
 * (judged on their median) or when every round falls on the same side of the target; otherwise
 * `not established` (the rounds straddle the target and disagree).
 */
export type Verdict = "met" | "missed" | "not established";

/** One target of the issues, the figure measured for it, and the verdict. */
export interface TargetCheck {
  readonly id: string;
  readonly target: string;
  readonly measured: string;
  readonly verdict: Verdict;
}

/** Judges a paired ratio against `ok(ratio)`: see {@link Verdict}. */
export function judge(r: PairedRatio, ok: (ratio: number) => boolean): Verdict {
  if (r.stable) return ok(r.spread.median) ? "met" : "missed";
  if (ok(r.spread.min) && ok(r.spread.max)) return "met";
  if (!ok(r.spread.min) && !ok(r.spread.max)) return "missed";
  return "not established";
}

const both = (a: Verdict, b: Verdict): Verdict => (a === "missed" || b === "missed" ? "missed" : a === "met" && b === "met" ? "met" : "not established");

/** Operations in the whole Alibaba Cloud catalog (README: about 650 products, 25,000 operations). */
export const CATALOG_SIZE = 25_000;

/** Evaluates the targets of issues 6, 10 and 14 against a run (reported, never asserted). */
export function checkTargets(r: SuiteResults): TargetCheck[] {
  const out: TargetCheck[] = [];
  const p = r.perCall;
  if (p) {
    out.push({ id: "perCallFloor", target: "per call: client CPU ≤ 1.3× the bare `node:http` floor", measured: `${formatPaired(p.ratios.oursOverBare)}; ${p.cpuUs.ours.median.toFixed(1)} µs vs ${p.cpuUs.bare.median.toFixed(1)} µs`, verdict: judge(p.ratios.oursOverBare, (x) => x <= 1.3) });
    out.push({ id: "perCallOfficial", target: "per call: ≥ 2.5× less client CPU than the official client", measured: `${formatPaired(p.ratios.theirsOverOurs)}; ${p.cpuUs.theirs.median.toFixed(1)} µs vs ${p.cpuUs.ours.median.toFixed(1)} µs`, verdict: judge(p.ratios.theirsOverOurs, (x) => x >= 2.5) });
  }
  const s = r.signing;
  if (s) {
    const core = judge(s.ratios.oursOverCore, (x) => x <= 1);
    const util = judge(s.ratios.oursOverUtil, (x) => x <= 1);
    out.push({ id: "signing", target: "signing: ≤ 1.0× the official `getAuthorization` time", measured: `openapi-core ${formatPaired(s.ratios.oursOverCore)}, openapi-util ${formatPaired(s.ratios.oursOverUtil)}`, verdict: both(core, util) });
  }
  const c = r.coldStart;
  if (c) {
    const esm = judge(c.ratios.esm, (x) => x >= 20);
    const cjs = judge(c.ratios.cjs, (x) => x >= 20);
    out.push({ id: "coldStart", target: "cold start: ≥ 20× less added import time than the official SDK (`import` and `require`)", measured: `import ${formatPaired(c.ratios.esm)}, require ${formatPaired(c.ratios.cjs)}`, verdict: both(esm, cjs) });
  }
  const f = r.footprint;
  if (f) {
    const ratio = f.theirs.bytes / f.ours.bytes;
    out.push({ id: "install", target: "install ≥ 250× smaller than the official SDK", measured: `${formatTimes(ratio)} (${f.ours.bytes} B vs ${f.theirs.bytes} B)`, verdict: ratio >= 250 ? "met" : "missed" });
    out.push({ id: "deps", target: "zero third-party runtime dependencies", measured: f.ours.thirdParty.length === 0 ? "0" : f.ours.thirdParty.join(", "), verdict: f.ours.thirdParty.length === 0 ? "met" : "missed" });
  }
  const sc = r.scale;
  if (sc) {
    const pts = sc.catalogs.filter((k) => k.generateEmpty).map((k) => [k.operations, k.generateEmpty!.generateMs / 1000] as const);
    if (pts.length >= 2) {
      const fit = linearFit(pts);
      out.push({ id: "generatorLinear", target: "generator linear in the number of operations (empty root)", measured: `R² = ${fit.r2.toFixed(4)} over ${pts.map(([n]) => n).join(" / ")} operations`, verdict: fit.r2 >= 0.98 ? "met" : "missed" });
      const largest = pts[pts.length - 1]!;
      const at = largest[0] >= CATALOG_SIZE ? largest[1] : fit.intercept + fit.slope * CATALOG_SIZE;
      out.push({ id: "generator25k", target: "generator: 25,000 operations in ≤ 120 s", measured: `${at.toFixed(1)} s (${largest[0] >= CATALOG_SIZE ? "measured" : "extrapolated"})`, verdict: at <= 120 ? "met" : "missed" });
    }
    for (const k of sc.catalogs) {
      if (!k.edit) continue;
      const product = k.edit.spec.split("/")[1];
      const expected = `@acs-modular/product-${product}#build`;
      const ok = k.edit.regenerated.filter((d) => d.split("/").length === 3).length === 1 && k.edit.rebuilt.length === 1 && k.edit.rebuilt[0] === expected;
      out.push({ id: `edit-${k.label}`, target: `one changed spec → only its package regenerated and only its product rebuilt (${k.label})`, measured: `regenerated ${k.edit.regenerated.join(", ") || "nothing"}; rebuilt ${k.edit.rebuilt.join(", ") || "nothing"}`, verdict: ok ? "met" : "missed" });
    }
  }
  return out;
}
