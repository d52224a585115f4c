import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Compiled bench scripts that run as child processes live beside this file (bench/dist). */
export const DIST_DIR = dirname(fileURLToPath(import.meta.url));

/** bench/: the nearest folder above this file whose package.json is this package's. */
export const BENCH_DIR = ((): string => {
  for (let dir = DIST_DIR; ; dir = dirname(dir)) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "@acs-modular/bench") return dir;
    if (dirname(dir) === dir) throw new Error(`no @acs-modular/bench package.json above ${DIST_DIR}`);
  }
})();
/** The repository root. */
export const REPO_ROOT = join(BENCH_DIR, "..");
/** The operation package the suite compares, and the official package that offers the same call. */
export const OUR_PACKAGE = "@acs-modular/nas-cancel-data-flow-sub-task";
export const OUR_PACKAGE_DIR = join(REPO_ROOT, "packages/nas/cancel-data-flow-sub-task");
export const RUNTIME_PACKAGE = "@acs-modular/runtime";
export const RUNTIME_DIR = join(REPO_ROOT, "packages/runtime");
export const OFFICIAL_PACKAGE = "@alicloud/nas20170626";
