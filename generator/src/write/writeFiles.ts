import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * Writes each file whose content differs from what is on disk (or, with `check`, only lists it) and returns
 * the paths, relative to `rootDir`, that differ.
 */
export function writeFiles(rootDir: string, files: ReadonlyMap<string, string>, check: boolean): string[] {
  const changed: string[] = [];
  for (const [path, content] of files) {
    const abs = join(rootDir, path);
    if (existsSync(abs) && readFileSync(abs, "utf8") === content) continue;
    changed.push(path);
    if (check) continue;
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return changed;
}
