import { lstatSync, readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * Bytes of every regular file under `dir` (apparent size, as `du --apparent-size -b` counts), not following
 * symlinks. `skip` names child folders to leave out at any depth (e.g. `node_modules` for one package).
 */
export function dirSize(dir: string, skip: ReadonlySet<string> = new Set()): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const abs = join(dir, entry.name);
    if (entry.isDirectory()) total += dirSize(abs, skip);
    else if (entry.isFile()) total += lstatSync(abs).size;
  }
  return total;
}

/** Folders holding a package (`node_modules/<name>` or `node_modules/@scope/<name>`), at any nesting depth. */
export function listInstalledPackages(nodeModules: string): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(nodeModules, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (entry.name.startsWith(".") || !entry.isDirectory()) continue;
    const abs = join(nodeModules, entry.name);
    const dirs = entry.name.startsWith("@")
      ? readdirSync(abs, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join(abs, e.name))
      : [abs];
    for (const pkg of dirs) {
      out.push(pkg);
      out.push(...listInstalledPackages(join(pkg, "node_modules")));
    }
  }
  return out;
}
