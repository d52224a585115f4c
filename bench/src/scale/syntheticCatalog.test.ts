import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../paths.js";
import { importGenerator, type LoadSpecsModule } from "./generatorModule.js";
import { letters, MAX_PER_PRODUCT, MIN_PER_PRODUCT, productSizes, sourceProducts, writeSyntheticCatalog } from "./syntheticCatalog.js";

describe("letters", () => {
  it("counts in base 26 with a fixed width", () => {
    expect(letters(0)).toBe("aaa");
    expect(letters(1)).toBe("aab");
    expect(letters(26)).toBe("aba");
    expect(letters(27, 2)).toBe("bb");
  });
});

describe("productSizes", () => {
  it("adds up to the count, every product within 200–400 operations", () => {
    for (const count of [200, 401, 450, 650, 3938, 23_938]) {
      const sizes = productSizes(count);
      expect(sizes.reduce((s, n) => s + n, 0), String(count)).toBe(count);
      expect(Math.min(...sizes), String(count)).toBeGreaterThanOrEqual(MIN_PER_PRODUCT);
      expect(Math.max(...sizes), String(count)).toBeLessThanOrEqual(MAX_PER_PRODUCT);
    }
  });
  it("averages about 300 operations a product and is deterministic", () => {
    const sizes = productSizes(23_938);
    expect(sizes.length).toBeGreaterThan(23_938 / 350);
    expect(sizes.length).toBeLessThan(23_938 / 250);
    expect(new Set(sizes).size).toBeGreaterThan(10);
    expect(productSizes(23_938)).toEqual(sizes);
  });
  it("makes one product of a catalog below the minimum, none of nothing", () => {
    expect(productSizes(60)).toEqual([60]);
    expect(productSizes(0)).toEqual([]);
  });
});

// The generator's own loader is the judge: every synthetic file must pass its schema and semantic checks.
const built = existsSync(join(REPO_ROOT, "generator/dist/spec/loadSpecs.js"));
describe.skipIf(!built)("writeSyntheticCatalog (needs generator/dist: `pnpm --filter @acs-modular/generator build`)", async () => {
  const { loadSpecs } = built ? await importGenerator<LoadSpecsModule>("spec/loadSpecs.js") : ({} as LoadSpecsModule);
  const dir = mkdtempSync(join(tmpdir(), "bench-synthetic-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const committed = built ? loadSpecs(join(REPO_ROOT, "specs"), REPO_ROOT) : { products: [], operations: [], refused: [] };
  const sources = sourceProducts(committed);
  // Enough for six products: one copied from each committed product, and a second from the first.
  const count = 1900;
  const written = built ? writeSyntheticCatalog(sources, count, join(dir, "specs")) : [];
  const loaded = built ? loadSpecs(join(dir, "specs"), dir) : { products: [], operations: [], refused: [] };

  it("groups the committed specs into their products", () => {
    expect(sources.map((s) => s.code)).toEqual(["cs", "ecs", "fc", "nas", "vpc"]);
    expect(sources.reduce((n, s) => n + s.operations.length, 0)).toBe(committed.operations.length);
  });

  it("writes specs the generator's loader accepts, every one of them", () => {
    expect(loaded.refused.map((e) => e.message)).toEqual([]);
    expect(loaded.operations).toHaveLength(count);
    expect(loaded.products.map((p) => p.doc.code)).toEqual(written.map((p) => p.code));
  });

  it("spreads the operations over products of 200–400, each copying one committed product in turn", () => {
    expect(written.map((p) => p.source)).toEqual(["cs", "ecs", "fc", "nas", "vpc", "cs"].slice(0, written.length));
    for (const p of written) {
      const ops = loaded.operations.filter((o) => o.file.startsWith(`specs/${p.code}/`));
      expect(ops).toHaveLength(p.operations);
      expect(p.operations).toBeGreaterThanOrEqual(MIN_PER_PRODUCT);
      expect(p.operations).toBeLessThanOrEqual(MAX_PER_PRODUCT);
      const product = loaded.products.find((x) => x.doc.code === p.code)!;
      const source = sources.find((s) => s.code === p.source)!;
      expect(product.doc.style).toBe(source.doc.style);
      expect(product.doc.version).toBe(source.doc.version);
      expect(ops.every((o) => o.doc["x-acs-product"] === product.doc.product)).toBe(true);
    }
  });

  it("gives every copy of an operation its own action, keeping the first copy's name", () => {
    const fc = written.find((p) => p.source === "fc")!;
    const files = readdirSync(join(dir, "specs", fc.code, "2023-03-30")).filter((f) => f !== "_product.yaml");
    expect(new Set(files).size).toBe(fc.operations);
    expect(files).toContain("InvokeFunction.json");
    expect(files).toContain("InvokeFunctionAlpha.json");
    const invoke = loaded.operations.find((o) => o.file.endsWith(`${fc.code}/2023-03-30/InvokeFunctionAlpha.json`))!;
    const op = Object.values(Object.values(invoke.doc.paths)[0]!)[0]! as { operationId: string; "x-acs-action": string };
    expect(op.operationId).toBe("InvokeFunctionAlpha");
    expect(op["x-acs-action"]).toBe("InvokeFunctionAlpha");
  });
});
