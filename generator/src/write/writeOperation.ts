import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { emitPackage } from "../emit/emitPackage.js";
import type { CompiledTemplate } from "../emit/templates.js";
import { checkOperationFixtures, type FixtureReport } from "../fixtures/reconcileFixtures.js";
import type { OperationModel } from "../model/types.js";

/** Files in a generated package folder that the generator does not own and never touches. */
const NOT_GENERATED = /^(CHANGELOG\.md|fixtures\/.*|node_modules(\/.*)?|dist(\/.*)?|\.turbo(\/.*)?|.*\.tsbuildinfo)$/;

/** What writing (or, with `check`, comparing) one operation's package found. */
export interface OperationOutcome {
  /** Files written (or, with `check`, files that differ or are missing), relative to the root. */
  readonly changed: string[];
  /** Files in the package folder that the spec no longer produces (removed unless `check`). */
  readonly stale: string[];
  /** This operation's part of the fixture report. */
  readonly fixtures: FixtureReport;
}

/** One operation to write: its model and the version a package gets when it has none yet. */
export interface OperationJob {
  readonly model: OperationModel;
  readonly initialVersion: string;
}

function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const rel = prefix ? `${prefix}/${name}` : name;
      if (NOT_GENERATED.test(rel)) return [];
      const abs = join(dir, name);
      return statSync(abs).isDirectory() ? listFiles(abs, rel) : [rel];
    });
}

function currentVersion(absDir: string, initial: string): string {
  try {
    const pkg = JSON.parse(readFileSync(join(absDir, "package.json"), "utf8")) as { version?: string };
    return pkg.version ?? initial;
  } catch {
    return initial;
  }
}

/**
 * Renders one operation's package and writes the files that changed, removes the files it no longer
 * produces, then checks its recorded fixtures. A package folder that does not exist yet is written without
 * reading anything back and with one `mkdir` per folder: at catalog scale, file-system calls are most of
 * the generator's time.
 */
export function writeOperation(rootDir: string, job: OperationJob, templates: readonly CompiledTemplate[], check: boolean): OperationOutcome {
  const { model } = job;
  const absDir = join(rootDir, model.names.packageDir);
  const exists = existsSync(absDir);
  const files = emitPackage(model, exists ? currentVersion(absDir, job.initialVersion) : job.initialVersion, templates);
  const changed: string[] = [];
  const stale: string[] = [];
  const made = new Set<string>();
  for (const [path, content] of files) {
    const abs = join(rootDir, path);
    if (exists && existsSync(abs) && readFileSync(abs, "utf8") === content) continue;
    changed.push(path);
    if (check) continue;
    const folder = dirname(abs);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(abs, content);
  }
  if (exists) {
    for (const rel of listFiles(absDir)) {
      const path = `${model.names.packageDir}/${rel}`;
      if (files.has(path)) continue;
      stale.push(path);
      if (!check) rmSync(join(rootDir, path));
    }
  }
  const fixtures: FixtureReport = { problems: [] };
  if (exists) checkOperationFixtures(rootDir, model, fixtures);
  return { changed, stale, fixtures };
}
