import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../exec.js";
import { BENCH_DIR, OFFICIAL_PACKAGE, OUR_PACKAGE_DIR, RUNTIME_DIR } from "../paths.js";
import { dependencyClosure } from "./closure.js";
import { dirSize, listInstalledPackages } from "./dirSize.js";

export interface FootprintSide {
  readonly packages: number;
  readonly bytes: number;
  /** Names of installed packages that are not ours (`@acs-modular/*`). */
  readonly thirdParty: readonly string[];
  readonly tarballBytes?: number;
}

export interface FootprintResult {
  readonly ours: FootprintSide;
  readonly theirs: FootprintSide;
  /** The biggest packages of the official closure, for the report. */
  readonly theirsLargest: readonly { name: string; version: string; bytes: number }[];
}

/**
 * Packs our operation package and the runtime with `pnpm pack` (which rewrites `workspace:` ranges), installs
 * both tarballs into an empty folder with `npm install --offline` (they have no third-party dependencies, so
 * nothing is fetched), and measures that folder's node_modules; the official side is the dependency closure
 * of @alicloud/nas20170626 as installed in this package's node_modules.
 */
export function measureFootprint(): FootprintResult {
  const work = mkdtempSync(join(tmpdir(), "acs-bench-install-"));
  try {
    const tarballs = join(work, "tarballs");
    mkdirSync(tarballs);
    for (const dir of [RUNTIME_DIR, OUR_PACKAGE_DIR]) run("pnpm", ["pack", "--pack-destination", tarballs], { cwd: dir });
    const files = readdirSync(tarballs).filter((f) => f.endsWith(".tgz")).map((f) => join(tarballs, f));
    if (files.length !== 2) throw new Error(`expected 2 tarballs, got ${files.length}`);
    const app = join(work, "app");
    mkdirSync(app);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "bench-app", version: "0.0.0", private: true }));
    // An isolated npm cache keeps the install independent of (and from writing to) the user's.
    run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--no-package-lock", "--cache", join(work, "npm-cache"), ...files], { cwd: app });
    const installed = listInstalledPackages(join(app, "node_modules"));
    const names = installed.map((dir) => dir.slice(join(app, "node_modules").length + 1));
    const tarballBytes = files.reduce((s, f) => s + statSync(f).size, 0);
    const ours: FootprintSide = {
      packages: installed.length,
      bytes: dirSize(join(app, "node_modules"), new Set([".package-lock.json"])),
      thirdParty: names.filter((n) => !n.startsWith("@acs-modular/")),
      tarballBytes,
    };
    const closure = dependencyClosure(join(BENCH_DIR, "node_modules", OFFICIAL_PACKAGE));
    const theirs: FootprintSide = {
      packages: closure.length,
      bytes: closure.reduce((s, p) => s + p.bytes, 0),
      thirdParty: closure.map((p) => p.name).filter((n) => !n.startsWith("@alicloud/") && !n.startsWith("@darabonba/")),
    };
    const theirsLargest = [...closure].sort((a, b) => b.bytes - a.bytes).slice(0, 5).map(({ name, version, bytes }) => ({ name, version, bytes }));
    return { ours, theirs, theirsLargest };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

