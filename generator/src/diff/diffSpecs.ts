// `acs-gen diff`: compares two spec trees operation by operation and classifies every change.
import { dirname } from "node:path";
import { operationNames } from "../model/naming.js";
import { loadSpecs } from "../spec/loadSpecs.js";
import type { LoadedSpecs, SpecOperation } from "../spec/types.js";
import { singleOperation } from "../spec/validateSpec.js";
import { diffOperation } from "./diffOperation.js";
import { BUMP_OF, type Bump, type Change, type ChangeClass, type DiffOptions, type OperationDiff, type SpecDiff } from "./types.js";

interface Entry {
  readonly product: string;
  readonly code: string;
  readonly version: string;
  readonly action: string;
  readonly op: SpecOperation;
}

/** Operations of a loaded tree by `<code>/<Action>` (the package identity; the API version is not part of it). */
export function indexOperations(specs: LoadedSpecs): Map<string, Entry> {
  const codeOf = new Map(specs.products.map((p) => [p.file.split("/").slice(-3, -1).join("/"), p.doc.code]));
  const out = new Map<string, Entry>();
  for (const o of specs.operations) {
    const folder = o.file.split("/").slice(-3, -1).join("/");
    const { op } = singleOperation(o.doc);
    const code = codeOf.get(folder)!;
    out.set(`${code}/${op["x-acs-action"]}`, { product: o.doc["x-acs-product"], code, version: o.doc["x-acs-version"], action: op["x-acs-action"], op });
  }
  return out;
}

/** The highest bump among `changes` (patch when there are none). */
export function bumpOf(changes: readonly Change[]): Bump {
  if (changes.some((c) => c.class === "breaking")) return "major";
  if (changes.some((c) => c.class === "additive")) return "minor";
  return "patch";
}

/** Diffs two loaded trees. Pure: both sides are already validated specs. */
export function diffLoadedSpecs(before: LoadedSpecs, after: LoadedSpecs, options: DiffOptions = {}): SpecDiff {
  const a = indexOperations(before);
  const b = indexOperations(after);
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  const operations: OperationDiff[] = [];
  let unchanged = 0;
  for (const key of keys) {
    const old = a.get(key);
    const now = b.get(key);
    const entry = (now ?? old)!;
    const base = { key, action: entry.action, product: entry.product, packageName: operationNames(entry.code, entry.action).packageName };
    if (!now) {
      operations.push({ ...base, status: "removed", bump: "major", changes: [{ class: "breaking", at: "operation", what: "operation removed" }] });
    } else if (!old) {
      operations.push({ ...base, status: "added", bump: "minor", changes: [{ class: "additive", at: "operation", what: "operation added" }] });
    } else {
      const changes = diffOperation(old.op, now.op, options);
      if (old.version !== now.version) changes.unshift({ class: "breaking", at: "operation", what: `API version ${old.version} → ${now.version}` });
      if (changes.length === 0) unchanged++;
      else operations.push({ ...base, status: "changed", bump: bumpOf(changes), changes });
    }
  }
  const byBump: Record<Bump | "unchanged", number> = { major: 0, minor: 0, patch: 0, unchanged };
  const byClass: Record<ChangeClass, number> = { breaking: 0, additive: 0, patch: 0 };
  for (const o of operations) {
    byBump[o.bump]++;
    for (const c of o.changes) byClass[c.class]++;
  }
  return {
    operations,
    counts: {
      operations: byBump,
      changes: byClass,
      added: operations.filter((o) => o.status === "added").length,
      removed: operations.filter((o) => o.status === "removed").length,
    },
  };
}

/** Loads and diffs two spec folders (each laid out as `specs/`). */
export function diffSpecDirs(oldDir: string, newDir: string, options: DiffOptions = {}): SpecDiff {
  return diffLoadedSpecs(loadSpecs(oldDir, dirname(oldDir)), loadSpecs(newDir, dirname(newDir)), options);
}

export { BUMP_OF };
