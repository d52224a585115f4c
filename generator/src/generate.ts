import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { buildOperationModel, buildProductModel } from "./model/buildModel.js";
import type { OperationModel, ProductModel } from "./model/types.js";
import { emitPackage } from "./emit/emitPackage.js";
import { compileTemplates } from "./emit/templates.js";
import { loadSpecs } from "./spec/loadSpecs.js";
import { UNRELEASED_VERSION, planChangesets, writeChangesets, type ChangesetOptions, type ChangesetResult } from "./changesets/writeChangesets.js";
import { reconcileFixtures, type FixtureReport } from "./fixtures/reconcileFixtures.js";

/** Version of a package that is generated for the first time (see README, "Versioning"). */
export const INITIAL_VERSION = "0.1.0";

/** Files in a generated package folder that the generator does not own and never touches. */
const NOT_GENERATED = /^(CHANGELOG\.md|fixtures\/.*|node_modules(\/.*)?|dist(\/.*)?|\.turbo(\/.*)?|.*\.tsbuildinfo)$/;

/** Folders under packages/ that are hand-written, not generated. */
const HAND_WRITTEN = new Set(["runtime", "testing"]);

export interface GenerateOptions {
  readonly rootDir: string;
  /** Default `<rootDir>/specs`. */
  readonly specsDir?: string;
  /** Compare instead of writing; report what differs. */
  readonly check?: boolean;
  /** Only emit operations whose action is in this set (scale tests). */
  readonly log?: (line: string) => void;
  /** Write `.changeset/*.md` for what changed since the baseline (git HEAD by default); ignored with `check`. */
  readonly changesets?: ChangesetOptions;
}

export interface GenerateResult {
  readonly models: OperationModel[];
  readonly products: ProductModel[];
  /** Files written (or, with `check`, files that differ or are missing). */
  readonly changed: string[];
  /** Files in generated packages that no spec produces (removed unless `check`). */
  readonly stale: string[];
  /** Generated package folders whose spec is gone (removed unless `check`). */
  readonly orphans: string[];
  /** Present when `changesets` was asked for. */
  readonly changesets?: ChangesetResult;
  /** spec-example fixtures written or missing, and fixtures that no longer fit their spec. */
  readonly fixtures: FixtureReport;
}

function listFiles(dir: string, prefix = ""): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const rel = prefix ? `${prefix}/${name}` : name;
      if (NOT_GENERATED.test(rel)) return [];
      const abs = join(dir, name);
      return statSync(abs).isDirectory() ? listFiles(abs, rel) : [rel];
    });
}

function currentVersion(rootDir: string, packageDir: string, initial = INITIAL_VERSION): string {
  try {
    const pkg = JSON.parse(readFileSync(join(rootDir, packageDir, "package.json"), "utf8")) as { version?: string };
    return pkg.version ?? initial;
  } catch {
    return initial;
  }
}

/** Generated package folders on disk: `packages/<product>/<op>` that carry our package.json marker. */
function generatedPackageDirs(rootDir: string): string[] {
  const packagesDir = join(rootDir, "packages");
  if (!existsSync(packagesDir)) return [];
  const out: string[] = [];
  for (const product of readdirSync(packagesDir).sort()) {
    if (HAND_WRITTEN.has(product) || !statSync(join(packagesDir, product)).isDirectory()) continue;
    for (const op of readdirSync(join(packagesDir, product)).sort()) {
      const pkg = join(packagesDir, product, op, "package.json");
      if (existsSync(pkg) && readFileSync(pkg, "utf8").includes('"generatedFrom"')) out.push(`packages/${product}/${op}`);
    }
  }
  return out;
}

/**
 * Loads and validates every spec, builds the model, renders every package and writes the files that
 * changed (or, with `check`, reports them). Output depends only on the specs and the templates.
 */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const { rootDir } = options;
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

  const plan = options.changesets && !options.check ? planChangesets(rootDir, options.specsDir ?? join(rootDir, "specs"), options.changesets) : undefined;
  const templates = compileTemplates("package");
  const changed: string[] = [];
  const stale: string[] = [];
  for (const model of models) {
    const initial = plan?.added.has(model.names.packageName) ? UNRELEASED_VERSION : INITIAL_VERSION;
    const files = await emitPackage(model, currentVersion(rootDir, model.names.packageDir, initial), templates);
    for (const [path, content] of files) {
      const abs = join(rootDir, path);
      const existing = existsSync(abs) ? readFileSync(abs, "utf8") : undefined;
      if (existing === content) continue;
      changed.push(path);
      if (!options.check) {
        mkdirSync(dirname(abs), { recursive: true });
        writeFileSync(abs, content);
      }
    }
    for (const rel of listFiles(join(rootDir, model.names.packageDir))) {
      const path = `${model.names.packageDir}/${rel}`;
      if (files.has(path)) continue;
      stale.push(path);
      if (!options.check) rmSync(join(rootDir, path));
    }
  }

  const wanted = new Set(models.map((m) => m.names.packageDir));
  const orphans = generatedPackageDirs(rootDir).filter((dir) => !wanted.has(dir));
  if (!options.check) for (const dir of orphans) rmSync(join(rootDir, dir), { recursive: true, force: true });
  // After the packages exist: creates missing spec-example fixtures (never rewrites one) and checks them all.
  const fixtures = reconcileFixtures(rootDir, models, options.check ?? false);
  return { models, products, changed, stale, orphans, fixtures, ...(plan ? { changesets: writeChangesets(rootDir, plan) } : {}) };
}
