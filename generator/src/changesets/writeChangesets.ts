// The step of `pnpm generate` that turns a spec change into changesets: diff the specs against the baseline
// (git HEAD, or a folder), write one .changeset/acs-gen-*.md per affected package, and drop the generator's
// own uncommitted changesets that no longer match the specs (the spec was edited again, or reverted).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { diffLoadedSpecs } from "../diff/diffSpecs.js";
import type { SpecDiff } from "../diff/types.js";
import { operationNames } from "../model/naming.js";
import { loadSpecs } from "../spec/loadSpecs.js";
import { committedFiles, gitBaselineSpecs } from "./gitBaseline.js";
import { GENERATED_CHANGESET, changesetFileName, changesetText } from "./renderChangeset.js";

/**
 * Version at which a package new in this change is generated: its changeset (`minor`) makes
 * `changeset version` release it as 0.1.0 with a first CHANGELOG entry (README, "Versioning").
 */
export const UNRELEASED_VERSION = "0.0.0";

export interface ChangesetOptions {
  /** Specs to compare with (a folder laid out like `specs/`). Default: the specs committed at `ref`. */
  readonly baselineSpecsDir?: string;
  /** Git revision of the baseline when no folder is given. Default `HEAD`. */
  readonly ref?: string;
  /** The specs come from request-only metadata: compare requests, not responses or docs (see `acs-gen diff`). */
  readonly requestsOnly?: boolean;
}

export interface ChangesetPlan {
  /** Undefined when there is no baseline (not a git repository, no such revision). */
  readonly diff: SpecDiff | undefined;
  /** Where the baseline came from, for messages. */
  readonly baseline: string;
  /** Packages of operations added by this change (generated at {@link UNRELEASED_VERSION}). */
  readonly added: ReadonlySet<string>;
}

export interface ChangesetResult {
  readonly baseline: string;
  /** False when there was no baseline to compare with (then nothing is written). */
  readonly compared: boolean;
  /** Changeset files written or already up to date, relative to the root. */
  readonly files: readonly string[];
  /** Stale generated changesets removed. */
  readonly removed: readonly string[];
}

/** Diffs the current specs against the baseline. Runs before emission so new packages get their version. */
export function planChangesets(rootDir: string, specsDir: string, options: ChangesetOptions = {}): ChangesetPlan {
  const ref = options.ref ?? "HEAD";
  const baselineDir = options.baselineSpecsDir ?? gitBaselineSpecs(rootDir, specsDir, ref);
  const baseline = options.baselineSpecsDir ?? `git ${ref}`;
  if (baselineDir === undefined) return { diff: undefined, baseline, added: new Set() };
  const before = loadSpecs(baselineDir, dirname(baselineDir));
  const after = loadSpecs(specsDir, rootDir);
  const diff = diffLoadedSpecs(before, after, { requestsOnly: options.requestsOnly ?? false });
  return { diff, baseline, added: new Set(diff.operations.filter((o) => o.status === "added").map((o) => o.packageName)) };
}

/** The version in the package.json of the operation `key` (`<code>/<Action>`), when the package exists. */
function packageVersion(rootDir: string, key: string): string | undefined {
  const [code, action] = key.split("/") as [string, string];
  try {
    return (JSON.parse(readFileSync(join(rootDir, operationNames(code, action).packageDir, "package.json"), "utf8")) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/**
 * Writes the changesets of `plan` into `<rootDir>/.changeset`. Removed operations get none (their package
 * leaves the workspace; see deprecation.ts). Idempotent: same specs and baseline → same files.
 */
export function writeChangesets(rootDir: string, plan: ChangesetPlan): ChangesetResult {
  const dir = join(rootDir, ".changeset");
  const wanted = new Map<string, string>();
  for (const op of plan.diff?.operations ?? []) {
    if (op.status === "removed") continue;
    const text = changesetText(op, `${op.product} ${op.action}`, packageVersion(rootDir, op.key));
    wanted.set(changesetFileName(op.packageName, text), text);
  }
  if (plan.diff === undefined) return { baseline: plan.baseline, compared: false, files: [], removed: [] };
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const [name, text] of [...wanted].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const abs = join(dir, name);
    if (!existsSync(abs) || readFileSync(abs, "utf8") !== text) writeFileSync(abs, text);
    files.push(`.changeset/${name}`);
  }
  // Committed changesets belong to an earlier change that is not released yet: never remove those.
  const committed = new Set((committedFiles(rootDir, dir) ?? []).map((f) => f.split("/").pop()));
  const removed: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (GENERATED_CHANGESET.test(name) && !wanted.has(name) && !committed.has(name)) {
      rmSync(join(dir, name));
      removed.push(`.changeset/${name}`);
    }
  }
  return { baseline: plan.baseline, compared: true, files, removed };
}
