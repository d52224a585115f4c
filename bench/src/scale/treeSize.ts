import { type Dirent, lstatSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** Bytes and files a catalog takes in the working tree. */
export interface TreeSize {
  /** What is committed: specs, generated packages, changesets (no node_modules, dist, .turbo). */
  readonly sourceFiles: number;
  readonly sourceBytes: number;
  /** What the build writes: every `dist/` folder under the given paths. */
  readonly distFiles: number;
  readonly distBytes: number;
}

const NOT_SOURCE = new Set(["node_modules", ".turbo", "dist"]);

/** A folder's entries, none when it cannot be read (it vanished or is not a folder). */
function entriesOf(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

function walk(dir: string, into: { files: number; bytes: number }, skip: ReadonlySet<string>): void {
  for (const e of entriesOf(dir)) {
    if (skip.has(e.name) || e.name.endsWith(".tsbuildinfo")) continue;
    const abs = join(dir, e.name);
    if (e.isDirectory()) walk(abs, into, skip);
    else if (e.isFile()) {
      into.files++;
      into.bytes += lstatSync(abs).size;
    }
  }
}

function walkDist(dir: string, into: { files: number; bytes: number }): void {
  for (const e of entriesOf(dir)) {
    if (!e.isDirectory() || e.name === "node_modules" || e.name === ".turbo") continue;
    const abs = join(dir, e.name);
    if (e.name === "dist") walk(abs, into, new Set());
    else walkDist(abs, into);
  }
}

/** Apparent sizes (as `du --apparent-size -b`) of `paths` under `root`: committed files, and built files. */
export function catalogTreeSize(root: string, paths: readonly string[]): TreeSize {
  const source = { files: 0, bytes: 0 };
  const dist = { files: 0, bytes: 0 };
  for (const p of paths) {
    walk(join(root, p), source, NOT_SOURCE);
    walkDist(join(root, p), dist);
  }
  return { sourceFiles: source.files, sourceBytes: source.bytes, distFiles: dist.files, distBytes: dist.bytes };
}
