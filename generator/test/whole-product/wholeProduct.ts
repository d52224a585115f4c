// Shared steps of the whole-product tests: import real Alibaba metadata (../shared/alibaba-metadata, read at
// run time, never committed) into a temporary root, generate every operation, typecheck all of it in one
// program, and replay every operation's spec-example exchanges.
import { cpSync, existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { generate, type GenerateResult } from "../../src/generate.js";
import { specExampleFixtures } from "../../src/fixtures/specExampleFixtures.js";
import type { ImportIssue } from "../../src/import/ImportReport.js";
import { convertApiDocs, readApiDocs, readExistingSpecs, writeImportedSpecs, type Refusal } from "../../src/import/importApiDocs.js";
import type { OperationModel } from "../../src/model/types.js";
import { REPO_ROOT } from "../helpers.js";
import { generatedTsFiles, typecheck } from "./typecheckGenerated.js";

/** The shared metadata folder; absent on machines without `../shared` (the tests then skip, saying why). */
export const METADATA_DIR = join(REPO_ROOT, "..", "shared", "alibaba-metadata");

/** A product of the shared metadata: its code, files and the title the repository gives it. */
export interface SharedProduct {
  readonly code: string;
  /** `<code>-<version>`, the stem of `<stem>.full-2024.json` and `<stem>.requests-2025.json`. */
  readonly stem: string;
  readonly version: string;
  readonly title: string;
  /** Whether its specs and packages are committed (ARMS is test data only: no official SDK on npm). */
  readonly committed: boolean;
}

export const SHARED_PRODUCTS: readonly SharedProduct[] = [
  { code: "nas", stem: "nas-2017-06-26", version: "2017-06-26", title: "File Storage NAS", committed: true },
  { code: "ecs", stem: "ecs-2014-05-26", version: "2014-05-26", title: "Elastic Compute Service", committed: true },
  { code: "vpc", stem: "vpc-2016-04-28", version: "2016-04-28", title: "Virtual Private Cloud", committed: true },
  { code: "cs", stem: "cs-2015-12-15", version: "2015-12-15", title: "Container Service for Kubernetes", committed: true },
  { code: "fc", stem: "fc-2023-03-30", version: "2023-03-30", title: "Function Compute 3.0", committed: true },
  { code: "arms", stem: "arms-2019-08-08", version: "2019-08-08", title: "Application Real-Time Monitoring Service", committed: false },
];

export const fullFile = (p: SharedProduct): string => join(METADATA_DIR, `${p.stem}.full-2024.json`);
export const requestsFile = (p: SharedProduct): string => join(METADATA_DIR, `${p.stem}.requests-2025.json`);

/** Why a whole-product test is skipped, or undefined when the metadata is there. */
export function skipReason(...files: string[]): string | undefined {
  const missing = files.find((f) => !existsSync(f));
  return missing === undefined ? undefined : `skipped: ${missing} is absent (the shared Alibaba metadata lives in ../shared next to the repository)`;
}

export interface ImportRun {
  readonly issues: readonly ImportIssue[];
  /** Operations refused by either import, with their reasons. */
  readonly refused: readonly Refusal[];
  readonly ms: number;
}

/**
 * The repository's two-step import of a product, into `<root>/specs`: the full 2024 metadata (keeping specs
 * it does not list, such as operations added later), then the request-only 2025 metadata over it (keeping the
 * responses and errors it lacks). The same steps produced the committed specs.
 */
export async function importProduct(root: string, product: SharedProduct): Promise<ImportRun> {
  const specs = join(root, "specs");
  const started = performance.now();
  const issues: ImportIssue[] = [];
  const refused: Refusal[] = [];
  for (const [file, keepMissing] of [[fullFile(product), true], [requestsFile(product), false]] as const) {
    const existing = readExistingSpecs(specs, product.code, product.version);
    const result = convertApiDocs(await readApiDocs(file), { code: product.code, title: product.title, existing });
    writeImportedSpecs(specs, result, file.split("/").pop()!, { keepMissing });
    issues.push(...result.issues);
    refused.push(...result.refused);
  }
  return { issues, refused, ms: performance.now() - started };
}

/** A new temporary repository root (with the fixture schema and base tsconfig the generated files refer to). */
export function tempRoot(): string {
  const root = mkdtempSync(join(tmpdir(), "acs-whole-product-"));
  mkdirSync(join(root, "specs"), { recursive: true });
  if (existsSync(join(REPO_ROOT, "fixtures"))) cpSync(join(REPO_ROOT, "fixtures"), join(root, "fixtures"), { recursive: true });
  // The product tsconfig extends ../../tsconfig.base.json, which the test runner's transform reads.
  cpSync(join(REPO_ROOT, "tsconfig.base.json"), join(root, "tsconfig.base.json"));
  return root;
}

export interface GenerateRun {
  readonly result: GenerateResult;
  readonly diagnostics: readonly string[];
  readonly typecheckedFiles: number;
  readonly ms: { readonly generate: number; readonly typecheck: number };
}

/** Generates every spec under `<root>/specs` and (unless told not to) typechecks it all in one strict program. */
export async function generateAndTypecheck(root: string, options: { typecheck?: boolean } = {}): Promise<GenerateRun> {
  let t = performance.now();
  const result = await generate({ rootDir: root, specsDir: join(root, "specs") });
  const generateMs = performance.now() - t;
  t = performance.now();
  const files = options.typecheck === false ? [] : generatedTsFiles(root);
  const diagnostics = files.length > 0 ? typecheck(files) : [];
  return { result, diagnostics, typecheckedFiles: files.length, ms: { generate: generateMs, typecheck: performance.now() - t } };
}

interface TestingModule {
  replayFixture(fixture: unknown, target: { createClient: (c: never) => unknown; call: (c: never, input: Record<string, unknown>) => Promise<unknown>; isOperationError?: (e: unknown) => boolean }): Promise<{ problems: string[] }>;
}

/**
 * Replays every spec-example exchange of every generated package with packages/testing's replayer: the
 * generated function is called through the runtime with a transport answering the spec's response, and the
 * request sent, its signature and the decoded result are compared. Returns the failures and the count.
 */
export async function replaySpecExamples(root: string, models: readonly OperationModel[]): Promise<{ replayed: number; failures: string[] }> {
  // Loaded at run time, by URL, so that the generator's own typecheck does not depend on these sources.
  const testing = (await import(pathToFileURL(join(REPO_ROOT, "packages/testing/src/index.ts")).href)) as TestingModule;
  const runtime = (await import(pathToFileURL(join(REPO_ROOT, "packages/runtime/src/index.ts")).href)) as { AcsClient: new (c: unknown) => unknown };
  let replayed = 0;
  const failures: string[] = [];
  for (const model of models) {
    if (model.parameters.some((p) => p.location === "host")) continue;
    const pkg = (await import(pathToFileURL(join(root, model.names.packageDir, "src/index.ts")).href)) as Record<string, unknown>;
    const call = pkg[model.names.functionName] as (client: unknown, input: unknown) => Promise<unknown>;
    const guard = pkg[model.names.errorGuard] as (e: unknown) => boolean;
    for (const f of specExampleFixtures(model)) {
      replayed++;
      const { problems } = await testing.replayFixture(JSON.parse(f.text), { createClient: (c) => new runtime.AcsClient(c), call: (c, input) => call(c, input), isOperationError: guard });
      if (problems.length > 0) failures.push(`${model.action} ${f.name}:\n- ${problems.join("\n- ")}`);
    }
  }
  return { replayed, failures };
}
