// Shared steps of the whole-product tests: import real Alibaba metadata into a temporary root, generate every
// operation, typecheck all of it, and replay every package's spec-example fixtures.
import { cpSync, existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { generate, type GenerateResult } from "../../src/generate.js";
import type { ImportIssue } from "../../src/import/ImportReport.js";
import { convertApiDocs, readApiDocs, writeImportedSpecs } from "../../src/import/importApiDocs.js";
import type { OperationModel } from "../../src/model/types.js";
import { REPO_ROOT } from "../helpers.js";
import { generatedTsFiles, typecheck } from "./typecheckGenerated.js";

/** The shared metadata folder; absent on machines without `../shared` (the tests then skip). */
export const METADATA_DIR = join(REPO_ROOT, "..", "shared", "alibaba-metadata");
export const FULL_2024 = join(METADATA_DIR, "nas-2017-06-26.full-2024.json");
export const REQUESTS_2025 = join(METADATA_DIR, "nas-2017-06-26.requests-2025.json");

/** Why a whole-product test is skipped, or undefined when the metadata is there. */
export function skipReason(file: string): string | undefined {
  return existsSync(file) ? undefined : `skipped: ${file} is absent (the shared Alibaba metadata lives in ../shared next to the repository)`;
}

export interface WholeProduct {
  readonly root: string;
  readonly issues: readonly ImportIssue[];
  readonly result: GenerateResult;
  readonly diagnostics: readonly string[];
  readonly typecheckedFiles: number;
  /** Milliseconds per step. */
  readonly ms: { readonly import: number; readonly generate: number; readonly typecheck: number };
}

/** Imports `file` as product `nas` into a new temporary root, generates it and typechecks the result. */
export async function importGenerateTypecheck(file: string): Promise<WholeProduct> {
  const root = mkdtempSync(join(tmpdir(), "acs-whole-product-"));
  // generate() checks spec-example fixtures against the repository's fixture schema (fixtures/README.md).
  if (existsSync(join(REPO_ROOT, "fixtures"))) cpSync(join(REPO_ROOT, "fixtures"), join(root, "fixtures"), { recursive: true });
  // Generated tsconfig.json files extend ../../../tsconfig.base.json, which the test runner's transform reads.
  cpSync(join(REPO_ROOT, "tsconfig.base.json"), join(root, "tsconfig.base.json"));
  let t = performance.now();
  const imported = convertApiDocs(await readApiDocs(file), { code: "nas" });
  writeImportedSpecs(join(root, "specs"), imported, file.split("/").pop()!);
  const importMs = performance.now() - t;
  t = performance.now();
  const result = await generate({ rootDir: root, specsDir: join(root, "specs") });
  const generateMs = performance.now() - t;
  t = performance.now();
  const files = generatedTsFiles(root);
  const diagnostics = typecheck(files);
  const typecheckMs = performance.now() - t;
  return { root, issues: imported.issues, result, diagnostics, typecheckedFiles: files.length, ms: { import: importMs, generate: generateMs, typecheck: typecheckMs } };
}

interface TestingModule {
  listFixtureFiles(dir: string): string[];
  assertFixtureReplays(file: string, target: { createClient: (c: never) => unknown; call: (c: never, input: Record<string, unknown>) => Promise<unknown>; isOperationError?: (e: unknown) => boolean }): Promise<void>;
}

/**
 * Replays every fixture of every generated package with packages/testing's replayer: the generated
 * function is called through the runtime with a transport answering the recorded response, and the request
 * sent, its signature and the decoded result are compared with the fixture. Returns failures and the count.
 */
export async function replayAll(root: string, models: readonly OperationModel[]): Promise<{ replayed: number; failures: string[] }> {
  // Loaded at run time, by URL, so that the generator's own typecheck does not depend on these sources.
  const testing = (await import(pathToFileURL(join(REPO_ROOT, "packages/testing/src/index.ts")).href)) as TestingModule;
  const runtime = (await import(pathToFileURL(join(REPO_ROOT, "packages/runtime/src/index.ts")).href)) as { AcsClient: new (c: unknown) => unknown };
  let replayed = 0;
  const failures: string[] = [];
  for (const model of models) {
    const dir = join(root, model.names.packageDir);
    const pkg = (await import(pathToFileURL(join(dir, "src/index.ts")).href)) as Record<string, unknown>;
    const call = pkg[model.names.functionName] as (client: unknown, input: unknown) => Promise<unknown>;
    const guard = pkg[model.names.errorGuard] as (e: unknown) => boolean;
    for (const file of testing.listFixtureFiles(join(dir, "fixtures"))) {
      replayed++;
      try {
        await testing.assertFixtureReplays(file, { createClient: (c) => new runtime.AcsClient(c), call: (c, input) => call(c, input), isOperationError: guard });
      } catch (e) {
        failures.push((e as Error).message);
      }
    }
  }
  return { replayed, failures };
}
