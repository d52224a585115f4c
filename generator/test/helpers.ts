import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (generator/test/ → ../..). */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The hand-written NAS data-flow specs: a small, real spec set for behaviour tests (15 operations). */
export const DATA_FLOW_SPECS = "specs/nas/2017-06-26";

/**
 * A temporary repository root holding a copy of the NAS product file and its 15 data-flow specs (and
 * nothing generated yet): small enough to generate in a blink, real enough to exercise every template.
 */
export function tempRepoWithSpecs(): string {
  const root = mkdtempSync(join(tmpdir(), "acs-gen-"));
  const from = join(REPO_ROOT, DATA_FLOW_SPECS);
  const to = join(root, DATA_FLOW_SPECS);
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) if (name === "_product.yaml" || /DataFlow/.test(name)) cpSync(join(from, name), join(to, name));
  return root;
}

/** Rewrites a file in place through `edit`. */
export function editFile(path: string, edit: (text: string) => string): void {
  writeFileSync(path, edit(readFileSync(path, "utf8")));
}

/** Every file under `dir`, path relative to it → content, in sorted order: for byte-for-byte tree comparisons. */
export function snapshotTree(dir: string, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) {
    const abs = join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(abs).isDirectory()) for (const [k, v] of snapshotTree(abs, rel)) out.set(k, v);
    else out.set(rel, readFileSync(abs, "utf8"));
  }
  return out;
}
