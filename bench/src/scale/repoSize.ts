// What a catalog adds to a git repository: the objects of its paths (specs, generated packages,
// changesets) packed the way `git gc` packs them, in bytes. A snapshot (one commit's tree) or a history
// (every version of those paths reachable from a revision).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../exec.js";

/** Object ids from `git ls-tree -r -t` output (`<mode> <type> <id>\t<path>`) or `git rev-list --objects` (`<id> [path]`). */
export function objectIds(listing: string): string[] {
  const ids = new Set<string>();
  for (const line of listing.split("\n")) {
    const m = /^(?:\d{6} (?:blob|tree|commit) )?([0-9a-f]{40,64})\b/.exec(line);
    if (m) ids.add(m[1]!);
  }
  return [...ids];
}

/** Packs `ids` of the repository at `root` with git pack-objects (deltas, zlib) and returns the pack's size. */
export function packObjects(root: string, ids: readonly string[]): number {
  if (ids.length === 0) return 0;
  const dir = mkdtempSync(join(tmpdir(), "acs-bench-pack-"));
  try {
    const result = spawnSync("git", ["-C", root, "pack-objects", "-q", join(dir, "p")], { input: `${ids.join("\n")}\n`, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`git pack-objects exited ${result.status}: ${result.stderr}`);
    return readdirSync(dir).filter((f) => f.endsWith(".pack")).reduce((s, f) => s + statSync(join(dir, f)).size, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The packed size of `paths` as they are in `rev`'s tree (one commit, no history). */
export function packSize(root: string, rev: string, paths: readonly string[]): { packBytes: number; objects: number } {
  const ids = objectIds(run("git", ["-C", root, "ls-tree", "-r", "-t", rev, "--", ...paths]));
  return { packBytes: packObjects(root, ids), objects: ids.length };
}

/** The packed size of every version of `paths` reachable from `rev` (their whole history in the repository). */
export function historyPackSize(root: string, rev: string, paths: readonly string[]): { packBytes: number; objects: number; commits: number } {
  const listing = run("git", ["-C", root, "rev-list", "--objects", rev, "--", ...paths]);
  // Commits are listed first, without a path; they belong to the history, not to the paths: keep trees and blobs only.
  const commits = new Set(run("git", ["-C", root, "rev-list", rev, "--", ...paths]).split("\n").filter(Boolean));
  const ids = objectIds(listing).filter((id) => !commits.has(id));
  return { packBytes: packObjects(root, ids), objects: ids.length, commits: commits.size };
}

/** `git count-objects -v` of a repository, in bytes: loose objects and packs. */
export function countObjects(root: string): { looseBytes: number; packBytes: number; objects: number } {
  const out = run("git", ["-C", root, "count-objects", "-v"]);
  const field = (name: string): number => Number(new RegExp(`^${name}: (\\d+)$`, "m").exec(out)?.[1] ?? 0);
  return { looseBytes: field("size") * 1024, packBytes: field("size-pack") * 1024, objects: field("count") + field("in-pack") };
}
