import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../exec.js";
import { REPO_ROOT } from "../paths.js";
import { runGenerator } from "./scale.js";

/** The spec the benchmark edits, in a copy of the repository. */
export const EDITED_SPEC = "specs/nas/2017-06-26/CancelDataFlowSubTask.yaml";
// The package the other sections use: `pnpm bench` has just built it, so in quick mode turbo's cache is
// already warm for it and for the runtime.
const EDITED_PACKAGE = "@acs-modular/nas-cancel-data-flow-sub-task";

export interface IncrementalResult {
  readonly generateMs: number;
  readonly buildMs: number;
  /** Packages (folders) the generator wrote files in. */
  readonly regeneratedPackages: readonly string[];
  /** Build tasks turbo had to run (cache misses); every other task was restored from its cache. */
  readonly rebuiltTasks: readonly string[];
  readonly cachedTasks: number;
  readonly totalTasks: number;
  /** The turbo filter of the build (quick mode builds a subset). */
  readonly buildScope: string;
}

interface TurboSummary {
  tasks: { taskId: string; cache: { status: string } }[];
}

function turbo(root: string, filters: readonly string[], summarize: boolean): TurboSummary | undefined {
  const args = ["run", "build", ...filters.map((f) => `--filter=${f}`), "--output-logs=errors-only", ...(summarize ? ["--summarize"] : [])];
  run(join(root, "node_modules/.bin/turbo"), args, { cwd: root, env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" } });
  if (!summarize) return undefined;
  const runsDir = join(root, ".turbo/runs");
  const latest = readdirSync(runsDir).filter((f) => f.endsWith(".json")).sort().pop()!;
  return JSON.parse(readFileSync(join(runsDir, latest), "utf8")) as TurboSummary;
}

/**
 * In a temporary copy of the repository (never the checkout itself): generates, builds with turbo to warm its cache,
 * edits one spec's summary, then times `generate` and the turbo build, and reports which packages were
 * regenerated and which build tasks actually ran. `quick` builds only the runtime and the edited package.
 */
export function measureIncremental(quick: boolean): IncrementalResult {
  const work = mkdtempSync(join(tmpdir(), "acs-bench-incr-"));
  const root = join(work, "repo");
  try {
    // Copy everything but the installed dependencies, which are linked (they are read-only here);
    // the packages' own node_modules hold relative links that resolve through that link.
    for (const entry of readdirSync(REPO_ROOT)) {
      if (entry === "node_modules" || entry === ".git") continue;
      cpSync(join(REPO_ROOT, entry), join(root, entry), { recursive: true, verbatimSymlinks: true });
    }
    symlinkSync(join(REPO_ROOT, "node_modules"), join(root, "node_modules"));
    const filters = quick
      ? ["@acs-modular/runtime", EDITED_PACKAGE]
      : ["./packages/**"];
    // Bring the copy in sync with its specs first, so that only the edit below makes a difference.
    runGenerator(root);
    turbo(root, filters, false); // warm the cache (restores from the copied .turbo/cache when it is warm)

    const specPath = join(root, EDITED_SPEC);
    const before = readFileSync(specPath, "utf8");
    const after = before.replace(/^(\s+summary: )(.+)$/m, "$1$2 Edited by the benchmark.");
    if (after === before) throw new Error(`${EDITED_SPEC}: no summary line to edit`);
    writeFileSync(specPath, after);

    const generated = runGenerator(root);
    const regeneratedPackages = [...new Set(generated.changed.map((f) => f.split("/").slice(0, 3).join("/")))].sort();
    const t0 = process.hrtime.bigint();
    const summary = turbo(root, filters, true)!;
    const buildMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const misses = summary.tasks.filter((t) => t.cache.status !== "HIT");
    return {
      generateMs: generated.processMs,
      buildMs,
      regeneratedPackages,
      rebuiltTasks: misses.map((t) => t.taskId).sort(),
      cachedTasks: summary.tasks.length - misses.length,
      totalTasks: summary.tasks.length,
      buildScope: quick ? filters.join(", ") : "every package under packages/ (and what they depend on)",
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
