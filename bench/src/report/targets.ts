import type { SuiteResults } from "./types.js";
import { linearFit } from "../stats.js";

/** One goal of issue 6, the figure measured for it, and whether it was met. */
export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

const CATALOG_SIZE = 25_000;

/** Evaluates the targets of issue 6 against a run (reported, never asserted). */
export function checkTargets(r: SuiteResults): TargetCheck[] {
  const out: TargetCheck[] = [];
  const f = r.footprint;
  const installRatio = f.theirs.bytes / f.ours.bytes;
  out.push({ target: "install ≥ 250× smaller than the official SDK", measured: `${installRatio.toFixed(0)}× (${f.ours.bytes} B vs ${f.theirs.bytes} B)`, met: installRatio >= 250 });
  out.push({ target: "zero third-party runtime dependencies", measured: f.ours.thirdParty.length === 0 ? "0" : f.ours.thirdParty.join(", "), met: f.ours.thirdParty.length === 0 });
  const c = r.coldStart.added;
  const esm = c.theirsEsm / Math.max(c.oursEsm, 0.1);
  const cjs = c.theirsCjs / Math.max(c.oursCjs, 0.1);
  out.push({ target: "cold start: ≥ 20× less added import time (ESM and CJS)", measured: `ESM ${esm.toFixed(1)}×, CJS ${cjs.toFixed(1)}×`, met: esm >= 20 && cjs >= 20 });
  const p = r.perCall.cpuUs;
  out.push({ target: "per call: ≤ 1.3× the bare-http floor in CPU", measured: `${(p.ours / p.bare).toFixed(2)}× (${p.ours.toFixed(1)} µs vs ${p.bare.toFixed(1)} µs)`, met: p.ours / p.bare <= 1.3 });
  out.push({ target: "per call: ≥ 2.5× less CPU than the official client", measured: `${(p.theirs / p.ours).toFixed(2)}× (${p.theirs.toFixed(1)} µs vs ${p.ours.toFixed(1)} µs)`, met: p.theirs / p.ours >= 2.5 });
  const ok = r.scale.filter((s) => s.failed === undefined);
  const failed = r.scale.filter((s) => s.failed !== undefined);
  const pts = ok.map((s) => [s.operations, s.generateMs / 1000] as const);
  for (const f of failed) out.push({ target: `generator: ${f.operations} operations complete`, measured: `failed: ${f.failed}`, met: false });
  if (pts.length >= 2) {
    const fit = linearFit(pts);
    const largest = ok[ok.length - 1]!;
    const at25k = largest.operations >= CATALOG_SIZE ? largest.generateMs / 1000 : fit.intercept + fit.slope * CATALOG_SIZE;
    const how = largest.operations >= CATALOG_SIZE ? "measured" : "extrapolated";
    out.push({ target: "generator linear in the number of operations", measured: `R² = ${fit.r2.toFixed(4)} over ${pts.map(([n]) => n).join(" / ")} operations`, met: fit.r2 >= 0.98 });
    out.push({ target: "generator: 25,000 operations in ≤ 120 s", measured: `${at25k.toFixed(1)} s (${how})`, met: at25k <= 120 });
  }
  const inc = r.incremental;
  const onlyOne = inc.regeneratedPackages.length === 1 && inc.rebuiltTasks.length === 1;
  out.push({ target: "one changed spec → only that package regenerated and rebuilt", measured: `regenerated ${inc.regeneratedPackages.join(", ") || "nothing"}; rebuilt ${inc.rebuiltTasks.join(", ") || "nothing"}`, met: onlyOne });
  return out;
}
