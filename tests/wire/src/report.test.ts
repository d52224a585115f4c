import { describe, expect, it } from "vitest";
import { PRODUCTS } from "./products.js";
import { countReport, formatReport, summaryLine, unexplainedLines } from "./report.js";
import type { ProductReport, RequestResult } from "./runProduct.js";

const r = (action: string, variant: RequestResult["variant"], status: RequestResult["status"], lines: string[] = [], extra: Partial<RequestResult> = {}): RequestResult => ({
  action,
  variant,
  status,
  lines,
  skew: [],
  officialWrong: [],
  generated: status !== "not-generated",
  ...extra,
});

const report: ProductReport = {
  product: PRODUCTS.cs,
  sdkVersion: "7.2.0",
  operations: 4,
  sanity: [],
  sanityRequests: 8,
  results: [
    r("A", "all", "identical", ["deliberate (user-agent) header user-agent: ours \"x\", official \"y\""], { officialWrong: ["official-path-sub-delims"] }),
    r("A", "required", "deliberate", ["deliberate (client-token) query: only ours sends ClientToken (a UUID filled per call)"]),
    r("B", "all", "unexplained", ["method: ours GET, official POST", "deliberate (framing) header content-length: ours \"0\", official (absent)"]),
    r("C", "all", "skew", ["skew C: @alicloud/cs20151215@7.2.0 has no cWithOptions"], { skew: [{ kind: "operation", path: "C", reason: "no cWithOptions" }] }),
    r("D", "all", "not-generated"),
  ],
};

describe("report", () => {
  it("counts and prints the summary line the goal asks for", () => {
    expect(countReport(report)).toMatchObject({ operations: 4, requests: 3, identical: 1, deliberate: 1, skew: 1, unexplained: 1, notGenerated: ["D"], officialWrong: 1 });
    expect(summaryLine(report)).toMatch(/^cs: 4 operations, 3 requests compared, 1 identical, 1 deliberate, 1 skew \(1 unexplained, 1 operations not generated, 1 requests where the official client is wrong;/);
  });

  it("lists unexplained differences one per line, without the deliberate ones of the same request", () => {
    expect(unexplainedLines(report)).toEqual(["B [all]: method: ours GET, official POST"]);
    const text = formatReport(report, false);
    expect(text).toContain("  client-token: 1 requests");
    expect(text).toContain("  official-path-sub-delims: 1 requests");
    expect(text).toContain("not generated (1): D");
  });
});
