import { existsSync, readFileSync, realpathSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import { dirSize } from "./dirSize.js";

/** One package of an installed dependency closure. */
export interface ClosurePackage {
  readonly name: string;
  readonly version: string;
  /** Real path of the package folder. */
  readonly dir: string;
  readonly bytes: number;
}

interface Manifest {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** The `node_modules` folder a package folder sits in (`…/node_modules/name` or `…/node_modules/@scope/name`). */
function containingNodeModules(pkgDir: string, name: string): string {
  return name.includes("/") ? dirname(dirname(pkgDir)) : dirname(pkgDir);
}

/** Resolves `dep` from a package folder the way Node does: the nearest `node_modules/dep` going up. */
function resolveDependency(fromNodeModules: string, dep: string): string | undefined {
  let dir = fromNodeModules;
  for (;;) {
    const candidate = join(dir, dep);
    if (existsSync(join(candidate, "package.json"))) return realpathSync(candidate);
    // Climb to the next enclosing node_modules folder.
    const parent = dirname(dir);
    const idx = parent.lastIndexOf(`${sep}node_modules`);
    if (parent === dir || idx < 0) return undefined;
    dir = parent.slice(0, idx + `${sep}node_modules`.length);
  }
}

/**
 * Walks the runtime dependency tree (`dependencies` and installed `optionalDependencies`) of the package
 * installed at `entry` — a pnpm layout (`node_modules/.pnpm/<id>/node_modules/<name>`) or a flat npm one —
 * and returns every package once, deduplicated by real path, with its size on disk.
 */
export function dependencyClosure(entry: string): ClosurePackage[] {
  const seen = new Map<string, ClosurePackage>();
  const queue = [realpathSync(entry)];
  while (queue.length > 0) {
    const dir = queue.pop()!;
    if (seen.has(dir)) continue;
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;
    const name = manifest.name ?? dir;
    seen.set(dir, { name, version: manifest.version ?? "", dir, bytes: dirSize(dir, new Set(["node_modules"])) });
    const nodeModules = containingNodeModules(dir, name);
    const deps = { ...manifest.optionalDependencies, ...manifest.dependencies };
    for (const dep of Object.keys(deps).sort()) {
      const own = join(dir, "node_modules", dep);
      const resolved = existsSync(join(own, "package.json")) ? realpathSync(own) : resolveDependency(nodeModules, dep);
      if (resolved === undefined) {
        if (manifest.optionalDependencies?.[dep] !== undefined) continue;
        throw new Error(`${name}: dependency ${dep} is not installed`);
      }
      queue.push(resolved);
    }
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}
