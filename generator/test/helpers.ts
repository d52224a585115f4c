import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
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
