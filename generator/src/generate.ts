import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { buildOperationModel, buildProductModel } from "./model/buildModel.js";
import type { OperationModel, ProductModel } from "./model/types.js";
import { emitProduct } from "./emit/emitProduct.js";
import { compileTemplates } from "./emit/templates.js";
import type { SpecError } from "./spec/SpecError.js";
import { loadSpecs } from "./spec/loadSpecs.js";
import { UNRELEASED_VERSION, planChangesets, writeChangesets, type ChangesetOptions, type ChangesetResult } from "./changesets/writeChangesets.js";
import type { FixtureReport } from "./fixtures/reconcileFixtures.js";
import { writeFiles } from "./write/writeFiles.js";
import { defaultWorkers, writeOperations } from "./write/operationPool.js";

/** Version of a package that is generated for the first time (see README, "Versioning"). */
export const INITIAL_VERSION = "0.1.0";

/** Folders under packages/ that are hand-written, not generated. */
const HAND_WRITTEN = new Set(["runtime", "testing", "mock"]);

export interface GenerateOptions {
  readonly rootDir: string;
  /** Default `<rootDir>/specs`. */
  readonly specsDir?: string;
  /** Compare instead of writing; report what differs. */
  readonly check?: boolean;
  /** Worker threads to write packages on; default one per core for 200 operations or more, none below. */
  readonly workers?: number;
  /** Write `.changeset/*.md` for what changed since the baseline (git HEAD by default); ignored with `check`. */
  readonly changesets?: ChangesetOptions;
}

export interface GenerateResult {
  readonly models: OperationModel[];
  readonly products: ProductModel[];
  /** Specs that could not be loaded (each with file, JSON path and reason): their packages are not written. */
  readonly refused: readonly SpecError[];
  /** Files written (or, with `check`, files that differ or are missing). */
  readonly changed: string[];
  /** Files in generated packages that no spec produces (removed unless `check`). */
  readonly stale: string[];
  /** Generated package folders whose spec is gone (removed unless `check`). */
  readonly orphans: string[];
  /** Present when `changesets` was asked for. */
  readonly changesets?: ChangesetResult;
  /** Committed fixtures that no longer fit their spec. */
  readonly fixtures: FixtureReport;
}

function isDir(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** Generated package folders on disk: `packages/<product>/<op>` that carry our package.json marker. */
function generatedPackageDirs(rootDir: string): string[] {
  const packagesDir = join(rootDir, "packages");
  if (!existsSync(packagesDir)) return [];
  const out: string[] = [];
  for (const product of readdirSync(packagesDir).sort()) {
    if (HAND_WRITTEN.has(product) || !isDir(join(packagesDir, product))) continue;
    for (const op of readdirSync(join(packagesDir, product)).sort()) {
      const pkg = join(packagesDir, product, op, "package.json");
      if (existsSync(pkg) && readFileSync(pkg, "utf8").includes('"generatedFrom"')) out.push(`packages/${product}/${op}`);
    }
  }
  return out;
}

/** Product folders on disk whose product-level package the generator wrote (`packages/<code>/package.json`). */
function generatedProductDirs(rootDir: string): string[] {
  const packagesDir = join(rootDir, "packages");
  if (!existsSync(packagesDir)) return [];
  return readdirSync(packagesDir)
    .sort()
    .filter((p) => !HAND_WRITTEN.has(p) && existsSync(join(packagesDir, p, "package.json")) && readFileSync(join(packagesDir, p, "package.json"), "utf8").includes('"generatedProduct"'))
    .map((p) => `packages/${p}`);
}

/**
 * Loads and validates every spec, builds the model, renders every package and the product-level package of
 * each product, and writes the files that changed (or, with `check`, reports them). Output depends only on the
 * specs and the templates. A spec that cannot be loaded is refused (reported in `refused`), never the product.
 */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const { rootDir } = options;
  const check = options.check ?? false;
  const specs = loadSpecs(options.specsDir ?? join(rootDir, "specs"), rootDir);
  const products = specs.products.map(buildProductModel);
  const productByFolder = new Map(products.map((p) => [`${p.code}/${p.version}`, p]));
  const models = specs.operations.map((spec) => {
    const folder = spec.file.split("/").slice(-3, -1).join("/");
    return buildOperationModel(spec, productByFolder.get(folder)!);
  });
  const seen = new Map<string, string>();
  for (const m of models) {
    const other = seen.get(m.names.packageName);
    if (other) throw new Error(`${m.specFile} and ${other} would both generate ${m.names.packageName}`);
    seen.set(m.names.packageName, m.specFile);
  }
  const codes = new Map<string, string>();
  for (const p of products) {
    const other = codes.get(p.code);
    if (other) throw new Error(`specs/${p.code}/${p.version} and specs/${p.code}/${other} would both generate packages/${p.code}: one API version per product`);
    codes.set(p.code, p.version);
  }

  const plan = options.changesets && !check ? planChangesets(rootDir, options.specsDir ?? join(rootDir, "specs"), options.changesets) : undefined;
  const jobs = models.map((model) => ({ model, initialVersion: plan?.added.has(model.names.packageName) ? UNRELEASED_VERSION : INITIAL_VERSION }));
  const outcomes = await writeOperations(rootDir, jobs, check, options.workers ?? defaultWorkers(jobs.length));
  const changed = outcomes.flatMap((o) => o.changed);
  const stale = outcomes.flatMap((o) => o.stale);
  const fixtures: FixtureReport = { problems: outcomes.flatMap((o) => o.fixtures.problems) };

  const productTemplates = compileTemplates("product");
  for (const product of products) {
    const ops = models.filter((m) => m.product === product);
    if (ops.length === 0) continue;
    changed.push(...writeFiles(rootDir, emitProduct(product, ops, productTemplates), check));
  }

  const wanted = new Set([...models.map((m) => m.names.packageDir), ...products.map((p) => `packages/${p.code}`)]);
  const orphans = [...generatedPackageDirs(rootDir), ...generatedProductDirs(rootDir)].filter((dir) => !wanted.has(dir));
  if (!check) for (const dir of orphans) rmSync(join(rootDir, dir), { recursive: true, force: true });
  return { models, products, refused: specs.refused, changed, stale, orphans, fixtures, ...(plan ? { changesets: writeChangesets(rootDir, plan) } : {}) };
}
