import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (generator/test/ → ../..). */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** A temporary repository root holding a copy of `specs/` (and nothing generated yet). */
export function tempRepoWithSpecs(): string {
  const root = mkdtempSync(join(tmpdir(), "acs-gen-"));
  cpSync(join(REPO_ROOT, "specs"), join(root, "specs"), { recursive: true });
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
