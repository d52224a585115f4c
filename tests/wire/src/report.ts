// Formats a product report: the summary line the goal asks for, then every unexplained difference and skew as
// one line each, deliberate differences counted by id (with every line when WIRE_VERBOSE=1), sorted.
import { DELIBERATE_DIFFERENCES, type DeliberateId } from "./compare/deliberateDifferences.js";
import type { ProductReport, RequestResult } from "./runProduct.js";

export interface ReportCounts {
  readonly operations: number;
  /** Requests compared: pairs sent by both sides (identical + deliberate + unexplained with both sent). */
  readonly requests: number;
  readonly identical: number;
  readonly deliberate: number;
  /** Results the SDK/metadata skew touched: not compared (operation missing) or compared on a reduced input. */
  readonly skew: number;
  readonly unexplained: number;
  /** Operations whose package is not generated (yet). */
  readonly notGenerated: readonly string[];
  /** Requests whose official signature fails for a known official-client bug. */
  readonly officialWrong: number;
}

function hasSkew(r: RequestResult): boolean {
  return r.status === "skew" || r.skew.some((s) => s.kind !== "type");
}

export function countReport(report: ProductReport): ReportCounts {
  const rs = report.results;
  const compared = rs.filter((r) => r.status === "identical" || r.status === "deliberate" || (r.status === "unexplained" && !r.lines.some((l) => / sent \d+ requests/.test(l))));
  return {
    operations: report.operations,
    requests: compared.length,
    identical: rs.filter((r) => r.status === "identical").length,
    deliberate: rs.filter((r) => r.status === "deliberate").length,
    skew: rs.filter(hasSkew).length,
    unexplained: rs.filter((r) => r.status === "unexplained").length,
    notGenerated: [...new Set(rs.filter((r) => !r.generated).map((r) => r.action))].sort(),
    officialWrong: rs.filter((r) => r.officialWrong.length > 0).length,
  };
}

/** `<product>: N operations, M requests compared, K identical, D deliberate, S skew` (+ the other counts). */
export function summaryLine(report: ProductReport): string {
  const c = countReport(report);
  return (
    `${report.product.code}: ${c.operations} operations, ${c.requests} requests compared, ${c.identical} identical, ${c.deliberate} deliberate, ${c.skew} skew` +
    ` (${c.unexplained} unexplained, ${c.notGenerated.length} operations not generated, ${c.officialWrong} requests where the official client is wrong;` +
    ` official sanity: ${report.sanityRequests} requests, ${report.sanity.length} differences)`
  );
}

/** Unexplained differences, one line each, sorted. */
export function unexplainedLines(report: ProductReport): string[] {
  const out: string[] = [];
  for (const r of report.results) {
    if (r.status !== "unexplained") continue;
    for (const line of r.lines) if (!line.startsWith("deliberate (") && !line.startsWith("skew ")) out.push(`${r.action} [${r.variant}]: ${line}`);
  }
  return [...out, ...report.sanity].sort();
}

/** The whole report as text. */
export function formatReport(report: ProductReport, verbose = process.env.WIRE_VERBOSE === "1"): string {
  const c = countReport(report);
  const lines = [`${summaryLine(report)} — ${report.product.sdk}@${report.sdkVersion}`];
  const unexplained = unexplainedLines(report);
  if (unexplained.length > 0) lines.push(`unexplained differences (${unexplained.length}):`, ...unexplained.map((l) => `  ${l}`));
  const byId = new Map<string, number>();
  const deliberateLines: string[] = [];
  for (const r of report.results) {
    for (const line of r.lines) {
      const m = /^deliberate \(([^)]+)\) /.exec(line);
      if (!m) continue;
      byId.set(m[1]!, (byId.get(m[1]!) ?? 0) + 1);
      if (verbose) deliberateLines.push(`  ${r.action} [${r.variant}]: ${line}`);
    }
  }
  if (byId.size > 0) {
    lines.push("deliberate differences (see DELIBERATE_DIFFERENCES):");
    for (const [id, n] of [...byId].sort()) lines.push(`  ${id}: ${n} requests — ${DELIBERATE_DIFFERENCES[id as DeliberateId]?.what ?? id}`);
    lines.push(...deliberateLines.sort());
  }
  const wrong = new Map<string, number>();
  for (const r of report.results) for (const id of r.officialWrong) wrong.set(id, (wrong.get(id) ?? 0) + 1);
  if (wrong.size > 0) {
    lines.push("official client is wrong (its signature verifies only under its own quirk; ours was checked against the metadata):");
    for (const [id, n] of [...wrong].sort()) lines.push(`  ${id}: ${n} requests`);
  }
  const skew = new Set<string>();
  for (const r of report.results) {
    for (const line of r.lines) if (line.startsWith("skew ")) skew.add(line);
    for (const s of r.skew) if (s.kind === "type") skew.add(`type skew ${s.path}: ${s.reason}`);
  }
  if (skew.size > 0) lines.push(`skew between ${report.product.sdk}@${report.sdkVersion} and the metadata (${skew.size}):`, ...[...skew].sort().map((l) => `  ${l}`));
  if (c.notGenerated.length > 0) lines.push(`not generated (${c.notGenerated.length}): ${c.notGenerated.join(", ")}`);
  return lines.join("\n");
}
