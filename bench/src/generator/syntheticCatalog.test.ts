import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../paths.js";
import { importGenerator, type LoadSpecsModule } from "./generatorModule.js";
import { letters, OPERATIONS_PER_PRODUCT, writeSyntheticCatalog } from "./syntheticCatalog.js";

describe("letters", () => {
  it("counts in base 26 with a fixed width", () => {
    expect(letters(0)).toBe("aaa");
    expect(letters(1)).toBe("aab");
    expect(letters(26)).toBe("aba");
    expect(letters(27, 2)).toBe("bb");
  });
});

// The generator's own loader is the judge: every synthetic file must pass its schema and semantic checks.
const built = existsSync(join(REPO_ROOT, "generator/dist/spec/loadSpecs.js"));
describe.skipIf(!built)("writeSyntheticCatalog (needs generator/dist: `pnpm --filter @acs-modular/generator build`)", async () => {
  const { loadSpecs } = built ? await importGenerator<LoadSpecsModule>("spec/loadSpecs.js") : ({} as LoadSpecsModule);
  const dir = mkdtempSync(join(tmpdir(), "bench-synthetic-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const templates = built ? loadSpecs(join(REPO_ROOT, "specs"), REPO_ROOT).operations.filter((o) => o.file.startsWith("specs/nas/")).map((o) => o.doc) : [];
  const count = 2 * OPERATIONS_PER_PRODUCT + 37;

  it("writes specs the generator accepts, in products of OPERATIONS_PER_PRODUCT", () => {
    writeSyntheticCatalog(templates, count, join(dir, "specs"));
    const loaded = loadSpecs(join(dir, "specs"), dir);
    expect(loaded.operations).toHaveLength(count);
    expect(loaded.products.map((p) => p.doc.code)).toEqual(["synthaaa", "synthaab", "synthaac"]);
    const perProduct = loaded.operations.filter((o) => o.file.includes("/synthaac/")).length;
    expect(perProduct).toBe(37);
  });

  it("reshapes operations: enums, flat arrays, nested responses and long error-code lists all occur", () => {
    const loaded = loadSpecs(join(dir, "specs"), dir);
    const ops = loaded.operations.map((o) => Object.values(Object.values(o.doc.paths)[0]!)[0]!);
    const params = ops.flatMap((op) => op.parameters as { name: string; "x-acs-serialization"?: string; schema: { enum?: unknown[] } }[]);
    expect(params.some((p) => p.name === "Tag" && p["x-acs-serialization"] === "repeatList")).toBe(true);
    expect(params.some((p) => p.name === "SyntheticMode" && (p.schema.enum?.length ?? 0) === 5)).toBe(true);
    const codeCounts = ops.map((op) => Object.values(op.responses as Record<string, { "x-acs-error-codes"?: unknown[] }>).reduce((n, r) => n + (r["x-acs-error-codes"]?.length ?? 0), 0));
    expect(Math.max(...codeCounts)).toBeGreaterThanOrEqual(30);
    expect(JSON.stringify(ops)).toContain("SyntheticDetails");
  });

  it("gives every operation of a product a distinct action", () => {
    const loaded = loadSpecs(join(dir, "specs"), dir);
    const actions = loaded.operations.filter((o) => o.file.includes("/synthaaa/")).map((o) => o.file);
    expect(new Set(actions).size).toBe(OPERATIONS_PER_PRODUCT);
  });
});
