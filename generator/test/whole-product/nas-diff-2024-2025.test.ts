// Real-data diff: NAS metadata of June 2024 (full) against December 2025 (requests only). The expected
// facts are computed here from the raw JSON, independently of the importer and of the diff code.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { diffSpecDirs } from "../../src/diff/diffSpecs.js";
import { formatDiff } from "../../src/diff/formatDiff.js";
import type { SpecDiff } from "../../src/diff/types.js";
import { convertApiDocs, readApiDocs, writeImportedSpecs } from "../../src/import/importApiDocs.js";
import { SHARED_PRODUCTS, fullFile, requestsFile, skipReason } from "./wholeProduct.js";

const FULL_2024 = fullFile(SHARED_PRODUCTS[0]!);
const REQUESTS_2025 = requestsFile(SHARED_PRODUCTS[0]!);

const skip = skipReason(FULL_2024, REQUESTS_2025);
if (skip) console.warn(`nas-diff-2024-2025: ${skip}`);

interface RawParam {
  name: string;
  schema: { required?: boolean; enum?: unknown[] };
}
type RawApis = Record<string, { parameters: RawParam[] }>;

const rawApis = (file: string): RawApis => (JSON.parse(readFileSync(file, "utf8")) as { apis: RawApis }).apis;

async function importTo(file: string): Promise<string> {
  const specs = join(mkdtempSync(join(tmpdir(), "acs-diff-")), "specs");
  writeImportedSpecs(specs, convertApiDocs(await readApiDocs(file), { code: "nas" }), "metadata.json");
  return specs;
}

/** `Action parameters/Name: what` lines of the diff whose change is located exactly at a top-level parameter. */
function parameterFacts(diff: SpecDiff, match: RegExp): string[] {
  return diff.operations
    .flatMap((o) => o.changes.filter((c) => /^parameters\/[^/.[]+$/.test(c.at) && match.test(c.what)).map((c) => `${o.action} ${c.at.slice("parameters/".length)}`))
    .sort();
}

describe.skipIf(skip !== undefined)("acs-gen diff: NAS June 2024 → December 2025", () => {
  let old: RawApis;
  let now: RawApis;
  let diff: SpecDiff;

  beforeAll(async () => {
    old = rawApis(FULL_2024);
    now = rawApis(REQUESTS_2025);
    diff = diffSpecDirs(await importTo(FULL_2024), await importTo(REQUESTS_2025), { requestsOnly: true });
    console.log(`nas-diff-2024-2025:\n${formatDiff(diff).split("\n").slice(0, 2).join("\n")}`);
  }, 120_000);

  it("reports exactly the operations added and removed between the files", () => {
    const added = Object.keys(now).filter((a) => !(a in old)).sort();
    const removed = Object.keys(old).filter((a) => !(a in now)).sort();
    expect(added).toContain("CancelDataFlowSubTask"); // named in the metadata README
    expect(diff.operations.filter((o) => o.status === "added").map((o) => o.action)).toEqual(added);
    expect(diff.operations.filter((o) => o.status === "removed").map((o) => o.action)).toEqual(removed);
    expect(diff.operations.filter((o) => o.status === "removed").every((o) => o.bump === "major")).toBe(true);
    expect(diff.operations.filter((o) => o.status === "added").every((o) => o.bump === "minor")).toBe(true);
  });

  it("reports exactly the parameters added and removed in the operations both files have", () => {
    const added: string[] = [];
    const removed: string[] = [];
    for (const action of Object.keys(old).filter((a) => a in now)) {
      const before = new Set(old[action]!.parameters.map((p) => p.name));
      const after = new Set(now[action]!.parameters.map((p) => p.name));
      for (const n of after) if (!before.has(n)) added.push(`${action} ${n}`);
      for (const n of before) if (!after.has(n)) removed.push(`${action} ${n}`);
    }
    expect(added.length).toBeGreaterThan(0);
    expect(parameterFacts(diff, /^added/)).toEqual(added.sort());
    expect(parameterFacts(diff, /^removed/)).toEqual(removed.sort());
  });

  it("reports exactly the parameters whose required flag changed, with the right class", () => {
    const nowRequired: string[] = [];
    const nowOptional: string[] = [];
    for (const action of Object.keys(old).filter((a) => a in now)) {
      for (const p of now[action]!.parameters) {
        const before = old[action]!.parameters.find((q) => q.name === p.name);
        if (!before) continue;
        if (!before.schema.required && p.schema.required) nowRequired.push(`${action} ${p.name}`);
        if (before.schema.required && !p.schema.required) nowOptional.push(`${action} ${p.name}`);
      }
    }
    expect(parameterFacts(diff, /^optional → required$/)).toEqual(nowRequired.sort());
    expect(parameterFacts(diff, /^required → optional$/)).toEqual(nowOptional.sort());
    const classes = diff.operations.flatMap((o) => o.changes.filter((c) => c.what === "required → optional").map((c) => c.class));
    expect(new Set(classes)).toEqual(new Set(nowOptional.length ? ["additive"] : []));
  });

  it("reports exactly the enum values added to and removed from top-level parameters", () => {
    // An empty enum list restricts nothing (the PHP export writes [] for "no enum"), so it counts as no enum.
    const enumOf = (p: RawParam | undefined) => (p?.schema.enum && p.schema.enum.length > 0 ? p.schema.enum : undefined);
    const addedValues: string[] = [];
    const removedValues: string[] = [];
    const unrestricted: string[] = [];
    for (const action of Object.keys(old).filter((a) => a in now)) {
      for (const p of now[action]!.parameters) {
        const before = enumOf(old[action]!.parameters.find((q) => q.name === p.name));
        const after = enumOf(p);
        if (before && !after) unrestricted.push(`${action} ${p.name}`);
        if (!before || !after) continue;
        for (const v of after) if (!before.includes(v)) addedValues.push(`${action} ${p.name}`);
        for (const v of before) if (!after.includes(v)) removedValues.push(`${action} ${p.name}`);
      }
    }
    expect(addedValues.length).toBeGreaterThan(0);
    expect(parameterFacts(diff, /^enum value .* added$/)).toEqual(addedValues.sort());
    expect(parameterFacts(diff, /^enum value .* removed$/)).toEqual(removedValues.sort());
    expect(parameterFacts(diff, /^no longer restricted to an enum$/)).toEqual(unrestricted.sort());
  });

  it("sums up: every changed operation's bump is its worst change, and the counts add up", () => {
    for (const o of diff.operations) {
      const worst = o.changes.some((c) => c.class === "breaking") ? "major" : o.changes.some((c) => c.class === "additive") ? "minor" : "patch";
      expect(o.bump, o.action).toBe(worst);
    }
    const c = diff.counts;
    expect(c.operations.major + c.operations.minor + c.operations.patch).toBe(diff.operations.length);
    expect(diff.operations.length + c.operations.unchanged).toBe(new Set([...Object.keys(old), ...Object.keys(now)]).size);
  });
});
