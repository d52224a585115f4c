import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

/** bench/ (this file is compiled to bench/dist/paths.js). */
export const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
/** The repository root. */
export const REPO_ROOT = join(BENCH_DIR, "..");
/** Compiled bench scripts that run as child processes live beside this file. */
export const DIST_DIR = dirname(fileURLToPath(import.meta.url));
/** The operation package the suite compares, and the official package that offers the same call. */
export const OUR_PACKAGE = "@acs-modular/nas-cancel-data-flow-sub-task";
export const OUR_PACKAGE_DIR = join(REPO_ROOT, "packages/nas/cancel-data-flow-sub-task");
export const RUNTIME_PACKAGE = "@acs-modular/runtime";
export const RUNTIME_DIR = join(REPO_ROOT, "packages/runtime");
export const OFFICIAL_PACKAGE = "@alicloud/nas20170626";
