// Scale, measured (issue 10): one catalog at a time, in a temporary copy of the repository at git HEAD
// (never the checkout itself), every step a maintainer or CI runs, each timed and its memory measured:
//   copy → pnpm install → build the generator and runtime → write the synthetic specs →
//   generate → pnpm install (adds the new packages) → generate --check → generate into an empty root →
//   turbo build / typecheck / test of the product packages → one spec edited: generate + build →
//   changeset version → pnpm install --frozen-lockfile from nothing (a clean clone in CI)
// and the size the catalog adds to git and to the working tree.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { measureCommand, run, type CommandCost, type MeasuredCommand } from "../exec.js";
import { DIST_DIR, REPO_ROOT } from "../paths.js";
import { formatDuration } from "../stats.js";
import { importGenerator, type LoadSpecsModule } from "./generatorModule.js";
import { catalogTreeSize, type TreeSize } from "./treeSize.js";
import { packSize } from "./repoSize.js";
import { sourceProducts, writeSyntheticCatalog, type SyntheticProduct } from "./syntheticCatalog.js";

/** Committed products (spec folders and package folders) at HEAD. */
export const COMMITTED_PRODUCTS = ["cs", "ecs", "fc", "nas", "vpc"] as const;

/** One catalog to measure. */
export interface CatalogSpec {
  readonly label: string;
  /** Committed products kept in the copy (their specs, packages and changesets); the others are left out. */
  readonly products: readonly string[];
  /** Total operations: the committed ones kept plus synthetic ones up to this count (none when undefined). */
  readonly operations?: number;
  /** Product packages that build, typecheck and test: all of them, or only the synthetic ones (quick run). */
  readonly buildScope: "all" | "synthetic";
  /** A step still running after this long is stopped and reported as such (default: no limit). */
  readonly stepTimeoutMs?: number;
}

export type StepName =
  | "install"
  | "generate"
  | "installCatalog"
  | "check"
  | "generateEmpty"
  | "build"
  | "typecheck"
  | "test"
  | "editGenerate"
  | "editBuild"
  | "version"
  | "installFrozen";

/** What one step cost, whether it succeeded, and what it did. */
export interface StepResult extends CommandCost {
  readonly ok: boolean;
  /** Why it failed, or what it did (tasks run, packages versioned). */
  readonly note?: string;
}

/** turbo's per-task figures of one run (from `--summarize`). */
export interface TurboTasks {
  readonly tasks: number;
  readonly failed: readonly string[];
  readonly cacheHits: number;
  /** The longest task and its wall time. */
  readonly longest?: { readonly task: string; readonly ms: number };
}

export interface CatalogResult {
  readonly label: string;
  readonly operations: number;
  readonly products: number;
  readonly synthetic: readonly SyntheticProduct[];
  /** Workspace projects pnpm installed (operation packages, product packages, runtime, generator, …). */
  readonly workspaceProjects?: number;
  readonly steps: Partial<Record<StepName, StepResult>>;
  readonly turbo: Partial<Record<"build" | "typecheck" | "test" | "editBuild", TurboTasks>>;
  /** The empty-root generate child's own figures: generate() alone, files written. */
  readonly generateEmpty?: { readonly generateMs: number; readonly importMs: number; readonly filesWritten: number };
  readonly edit?: { readonly spec: string; readonly regenerated: readonly string[]; readonly rebuilt: readonly string[] };
  readonly versioned?: { readonly packageJsons: number; readonly changelogs: number; readonly changesetsConsumed: number };
  readonly repo?: { readonly packBytes: number; readonly objects: number; readonly packMs: number };
  readonly tree?: TreeSize;
  /** Wall time of the whole catalog, setup included. */
  readonly totalMs: number;
  /** Set when a step the others need failed: the steps after it were not run. */
  readonly aborted?: string;
}

const GIT_ID = ["-c", "user.name=acs-bench", "-c", "user.email=bench@127.0.0.1", "-c", "commit.gpgsign=false"];
const TEST_TIMEOUT_MS = 600_000;

/** The environment of every child: no telemetry, no npm/pnpm lifecycle variables of the `pnpm bench` that started us. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(npm_|PNPM_|TURBO_)/i.test(k)) env[k] = v;
  return { ...env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1", CI: "" };
}

/** Writes HEAD's tree into `dest`, leaving out tests/, bench/ and the committed products not kept. */
function copyRepository(dest: string, keep: readonly string[]): void {
  const dropped = COMMITTED_PRODUCTS.filter((p) => !keep.includes(p));
  const excludes = [
    "tests",
    "bench",
    // The mock package's own tests import FC and NAS operation packages.
    ...(dropped.length > 0 ? ["packages/mock", ".changeset/mock-*"] : []),
    ...dropped.flatMap((p) => [`specs/${p}`, `packages/${p}`, `.changeset/acs-gen-${p}-*`]),
  ].map((p) => `:(exclude,glob)${p}${p.endsWith("*") ? "" : "/**"}`);
  mkdirSync(dest, { recursive: true });
  const tar = join(dest, "..", "head.tar");
  run("git", ["-C", REPO_ROOT, "archive", "--format=tar", "-o", tar, "HEAD", "--", ".", ...excludes]);
  run("tar", ["-xf", tar, "-C", dest]);
  rmSync(tar);
  // The checkout's turbo cache (a few MB) lets the runtime and generator builds be restored; the product
  // steps below run with --force, so none of them is restored from it.
  if (existsSync(join(REPO_ROOT, ".turbo/cache"))) cpSync(join(REPO_ROOT, ".turbo/cache"), join(dest, ".turbo/cache"), { recursive: true });
}

function turboSummary(root: string, before: ReadonlySet<string>): TurboTasks | undefined {
  const dir = join(root, ".turbo/runs");
  if (!existsSync(dir)) return undefined;
  const file = readdirSync(dir).filter((f) => f.endsWith(".json") && !before.has(f)).sort().pop();
  if (!file) return undefined;
  const summary = JSON.parse(readFileSync(join(dir, file), "utf8")) as {
    tasks: { taskId: string; cache: { status: string }; execution?: { startTime: number; endTime: number; exitCode?: number | null } }[];
  };
  const timed = summary.tasks.filter((t) => t.execution).map((t) => ({ task: t.taskId, ms: t.execution!.endTime - t.execution!.startTime }));
  const longest = timed.sort((a, b) => b.ms - a.ms)[0];
  return {
    tasks: summary.tasks.length,
    failed: summary.tasks.filter((t) => (t.execution?.exitCode ?? 0) !== 0).map((t) => t.taskId).sort(),
    cacheHits: summary.tasks.filter((t) => t.cache.status === "HIT").length,
    ...(longest ? { longest } : {}),
  };
}

function runsIn(root: string): Set<string> {
  const dir = join(root, ".turbo/runs");
  return new Set(existsSync(dir) ? readdirSync(dir) : []);
}

/** The folders under packages/ that git sees changed (the packages a step wrote into). */
function changedPackages(root: string): string[] {
  const out = run("git", ["-C", root, "status", "--porcelain", "--untracked-files=all", "--", "packages"]);
  const dirs = new Set<string>();
  for (const line of out.split("\n").filter(Boolean)) {
    const path = line.slice(3).split("/");
    dirs.add(path.slice(0, path.length >= 4 ? 3 : 2).join("/"));
  }
  return [...dirs].sort();
}

function lastJsonLine<T>(output: string): T | undefined {
  const line = output.trim().split("\n").reverse().find((l) => l.startsWith("{"));
  return line ? (JSON.parse(line) as T) : undefined;
}

function tail(output: string, lines = 6): string {
  return output
    .replace(/\x1b\[[0-9;]*m/g, "")
    .trim()
    .split("\n")
    .filter((l) => !/^\s*(WARN|│|╭|╰)/.test(l))
    .slice(-lines)
    .join(" ⏎ ")
    .slice(0, 600);
}

/**
 * What failed in a failed turbo task, from the log turbo keeps (`packages/<code>/.turbo/turbo-<task>.log`):
 * failed contract tests counted by operation, TypeScript errors counted, or the log's last lines.
 */
export function failureSummary(log: string): string {
  const text = log.replace(/\x1b\[[0-9;]*m/g, "");
  const byOp = new Map<string, number>();
  for (const m of text.matchAll(/FAIL\s+\S+\s+>\s+(\S+)\s+>/g)) byOp.set(m[1]!, (byOp.get(m[1]!) ?? 0) + 1);
  if (byOp.size > 0) {
    const total = [...byOp.values()].reduce((a, b) => a + b, 0);
    const top = [...byOp].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([op, n]) => `${op} ${n}`);
    return `${total} tests failed (${top.join(", ")}${byOp.size > 5 ? `, … ${byOp.size} operations` : ""})`;
  }
  const ts = text.match(/error TS\d+/g);
  if (ts) return `${ts.length} TypeScript errors (first: ${/[^\n]*error TS\d+[^\n]*/.exec(text)![0].trim().slice(0, 200)})`;
  if (/Test timed out/.test(text)) return "a test timed out";
  return tail(text, 3);
}

function taskFailures(root: string, failed: readonly string[]): string {
  return failed
    .map((id) => {
      const [pkg, task] = id.split("#") as [string, string];
      const code = pkg.replace("@acs-modular/product-", "");
      const file = join(root, "packages", code, ".turbo", `turbo-${task}.log`);
      return `${id}: ${existsSync(file) ? failureSummary(readFileSync(file, "utf8")) : "no log"}`;
    })
    .join("; ");
}

/** Edits the summary of one spec (YAML or JSON) so that generate has exactly one operation to rewrite. */
function editSummary(file: string): void {
  const before = readFileSync(file, "utf8");
  let after: string;
  if (file.endsWith(".json")) {
    const doc = JSON.parse(before) as { paths: Record<string, Record<string, { summary?: string }>> };
    const op = Object.values(Object.values(doc.paths)[0]!)[0]!;
    op.summary = `${op.summary ?? ""} Edited by the benchmark.`.trim();
    after = `${JSON.stringify(doc)}\n`;
  } else {
    after = before.replace(/^(\s+summary: )(.+)$/m, "$1$2 Edited by the benchmark.");
  }
  if (after === before) throw new Error(`${file}: no summary to edit`);
  writeFileSync(file, after);
}

export interface CatalogOptions {
  /** Called after every step, for progress output. */
  readonly onStep?: (catalog: string, step: string, cost: CommandCost & { ok: boolean }) => void;
  /** Where the copy is made (default: a new temporary folder); it is deleted by the caller via the returned `cleanup`. */
  readonly workDir?: string;
}

/**
 * Measures one catalog (see the file comment). Returns its result and a function that deletes the copy:
 * the caller deletes all copies after the last catalog, because creating files on this machine's file
 * system stays slow for minutes after a mass deletion.
 */
export async function measureCatalog(spec: CatalogSpec, options: CatalogOptions = {}): Promise<{ result: CatalogResult; cleanup: () => void }> {
  const started = Date.now();
  const work = options.workDir ?? mkdtempSync(join(tmpdir(), "acs-bench-scale-"));
  const root = join(work, "repo");
  const cleanup = (): void => rmSync(work, { recursive: true, force: true });
  const env = childEnv();
  const steps: Partial<Record<StepName, StepResult>> = {};
  const turbo: CatalogResult["turbo"] = {};
  const result: { -readonly [K in keyof CatalogResult]: CatalogResult[K] } = { label: spec.label, operations: 0, products: 0, synthetic: [], steps, turbo, totalMs: 0 };
  const finish = (aborted?: string): { result: CatalogResult; cleanup: () => void } => {
    result.totalMs = Date.now() - started;
    if (aborted) result.aborted = aborted;
    return { result, cleanup };
  };

  const step = async (name: StepName | undefined, label: string, command: string, args: readonly string[], describe?: (m: MeasuredCommand) => string | undefined): Promise<MeasuredCommand> => {
    const m = await measureCommand(command, args, { cwd: root, env, ...(spec.stepTimeoutMs ? { timeoutMs: spec.stepTimeoutMs } : {}) });
    const ok = m.exitCode === 0 && !m.timedOut;
    const { output: _, ...cost } = m;
    const note = m.timedOut ? `stopped after ${formatDuration(spec.stepTimeoutMs!)}, unfinished` : ok ? describe?.(m) : `exit ${m.exitCode}: ${tail(m.output)}`;
    if (name) steps[name] = { ...cost, ok, ...(note ? { note } : {}) };
    options.onStep?.(spec.label, label, { ...cost, ok });
    return m;
  };
  const pnpm = (extra: readonly string[]): readonly string[] => ["install", "--offline", "--reporter=append-only", ...extra];
  const turboBin = join(root, "node_modules/.bin/turbo");

  copyRepository(root, spec.products);
  run("git", ["init", "-q"], { cwd: root });
  run("git", ["add", "-A"], { cwd: root });
  run("git", [...GIT_ID, "commit", "-q", "-m", "baseline: the repository at HEAD"], { cwd: root });

  // The copy's first install (the lockfile loses the importers of tests/ and bench/, left out).
  const first = await step(undefined, "pnpm install (setup)", "pnpm", pnpm([]));
  if (first.exitCode !== 0) return finish(`pnpm install: ${tail(first.output)}`);
  const prep = await step(undefined, "build generator + runtime (setup)", turboBin, ["run", "build", "--filter=@acs-modular/generator", "--filter=@acs-modular/runtime", "--output-logs=errors-only"]);
  if (prep.exitCode !== 0) return finish(`generator/runtime build: ${tail(prep.output)}`);

  let synthetic: SyntheticProduct[] = [];
  const { loadSpecs } = await importGenerator<LoadSpecsModule>("spec/loadSpecs.js", root);
  const committed = loadSpecs(join(root, "specs"), root);
  const committedOps = committed.operations.length;
  if (spec.operations !== undefined && spec.operations > committedOps) {
    // Sources are all five committed products (read from the checkout), whatever the copy keeps.
    const sources = sourceProducts(loadSpecs(join(REPO_ROOT, "specs"), REPO_ROOT));
    synthetic = writeSyntheticCatalog(sources, spec.operations - committedOps, join(root, "specs"));
  }
  result.synthetic = synthetic;
  result.operations = committedOps + synthetic.reduce((s, p) => s + p.operations, 0);
  result.products = committed.products.length + synthetic.length;

  const gen = await step("generate", "generate", process.execPath, ["generator/dist/cli.js", "generate"], (m) => m.output.match(/generated .*\)/)?.[0]);
  if (gen.exitCode !== 0) return finish(`generate: ${tail(gen.output)}`);

  // The change a maintainer would commit: specs, packages, changesets. Its size in git is measured here.
  const productDirs = [...spec.products, ...synthetic.map((p) => p.code)].map((p) => `packages/${p}`);
  const catalogPaths = ["specs", ...productDirs, ".changeset"];
  run("git", ["add", "-A", "--", "specs", "packages", ".changeset"], { cwd: root });
  run("git", [...GIT_ID, "commit", "-q", "--allow-empty", "-m", "catalog"], { cwd: root });
  const t0 = Date.now();
  const pack = packSize(root, "HEAD", catalogPaths);
  result.repo = { ...pack, packMs: Date.now() - t0 };

  const inst = await step("installCatalog", "pnpm install (catalog)", "pnpm", pnpm([]), (m) => m.output.match(/Scope: all (\d+) workspace projects/)?.[0]);
  const scope = /Scope: all (\d+) workspace projects/.exec(inst.output) ?? /Scope: all (\d+) workspace projects/.exec(first.output);
  if (scope) result.workspaceProjects = Number(scope[1]);
  if (inst.exitCode !== 0) return finish(`pnpm install: ${tail(inst.output)}`);

  await step("check", "generate --check", process.execPath, ["generator/dist/cli.js", "generate", "--check"], (m) => m.output.match(/generate --check: .*\)/)?.[0]);

  // Every package written from nothing: the generator alone, into an empty root that sees the same specs.
  const empty = join(work, "empty");
  mkdirSync(empty);
  symlinkSync(join(root, "specs"), join(empty, "specs"));
  cpSync(join(root, "fixtures"), join(empty, "fixtures"), { recursive: true });
  const ge = await step("generateEmpty", "generate (empty root)", process.execPath, [join(DIST_DIR, "scale/runGenerate.js"), root, empty, join(empty, "specs")]);
  const geJson = ge.exitCode === 0 ? lastJsonLine<{ generateMs: number; importMs: number; filesWritten: number }>(ge.output) : undefined;
  if (geJson) result.generateEmpty = { generateMs: geJson.generateMs, importMs: geJson.importMs, filesWritten: geJson.filesWritten };
  rmSync(join(empty, "specs"));

  const filter = spec.buildScope === "all" ? ["--filter=@acs-modular/product-*"] : synthetic.map((p) => `--filter=@acs-modular/product-${p.code}`);
  const turboTask = async (name: "build" | "typecheck" | "test", extra: readonly string[] = []): Promise<void> => {
    const before = runsIn(root);
    // --only: the runtime and generator are built already; --force: nothing restored from a cache;
    // --continue: one failing product does not hide the cost of the others.
    await step(name, `turbo ${name}`, turboBin, ["run", name, ...filter, "--only", "--force", "--continue", "--summarize", "--output-logs=errors-only", ...extra], () => undefined);
    const t = turboSummary(root, before);
    if (t) {
      turbo[name] = t;
      const s = steps[name]!;
      const failed = t.failed.length > 0 ? `; failed: ${taskFailures(root, t.failed)}` : s.ok ? "" : ` — ${s.note ?? ""}`;
      steps[name] = { ...s, note: `${t.tasks} tasks${t.longest ? `, longest ${t.longest.task} ${(t.longest.ms / 1000).toFixed(1)} s` : ""}${failed}` };
    }
  };
  await turboTask("build");
  await turboTask("typecheck");
  // A generous test timeout: the contract suites are measured here, not judged against a busy machine's clock.
  await turboTask("test", ["--", `--testTimeout=${TEST_TIMEOUT_MS}`, `--hookTimeout=${TEST_TIMEOUT_MS}`]);
  result.tree = catalogTreeSize(root, catalogPaths);

  // One spec edited, turbo's cache warm from the build above: what is regenerated and what is rebuilt.
  const edited = spec.products.includes("nas") ? "specs/nas/2017-06-26/CancelDataFlowSubTask.yaml" : (() => {
    const dir = join("specs", synthetic[0]!.code, readdirSync(join(root, "specs", synthetic[0]!.code))[0]!);
    return join(dir, readdirSync(join(root, dir)).filter((f) => f !== "_product.yaml").sort()[0]!);
  })();
  if (spec.buildScope === "all" || !spec.products.includes("nas")) {
    editSummary(join(root, edited));
    await step("editGenerate", "one spec edited: generate", process.execPath, ["generator/dist/cli.js", "generate"]);
    const regenerated = changedPackages(root);
    const before = runsIn(root);
    await step("editBuild", "one spec edited: turbo build", turboBin, ["run", "build", ...filter, "--only", "--summarize", "--output-logs=errors-only"]);
    const t = turboSummary(root, before);
    if (t) turbo.editBuild = t;
    const summaryFile = [...runsIn(root)].filter((f) => !before.has(f) && f.endsWith(".json")).sort().pop();
    const rebuilt = summaryFile
      ? (JSON.parse(readFileSync(join(root, ".turbo/runs", summaryFile), "utf8")) as { tasks: { taskId: string; cache: { status: string } }[] }).tasks.filter((x) => x.cache.status !== "HIT").map((x) => x.taskId).sort()
      : [];
    result.edit = { spec: edited, regenerated, rebuilt };
    run("git", ["add", "-A", "--", "specs", "packages", ".changeset"], { cwd: root });
    run("git", [...GIT_ID, "commit", "-q", "-m", "one spec edited"], { cwd: root });
  }

  const changesetsBefore = readdirSync(join(root, ".changeset")).filter((f) => f.endsWith(".md") && f !== "README.md").length;
  await step("version", "changeset version", join(root, "node_modules/.bin/changeset"), ["version"], () => {
    const status = run("git", ["-C", root, "status", "--porcelain", "--untracked-files=all"]).split("\n").filter(Boolean);
    const changesetsAfter = readdirSync(join(root, ".changeset")).filter((f) => f.endsWith(".md") && f !== "README.md").length;
    result.versioned = {
      packageJsons: status.filter((l) => l.endsWith("/package.json")).length,
      changelogs: status.filter((l) => l.endsWith("/CHANGELOG.md")).length,
      changesetsConsumed: changesetsBefore - changesetsAfter,
    };
    return `${result.versioned.packageJsons} package.json files bumped, ${result.versioned.changelogs} CHANGELOG.md written, ${result.versioned.changesetsConsumed} changesets consumed`;
  });

  // A clean clone in CI: every node_modules gone, the lockfile as committed.
  run("find", [root, "-name", "node_modules", "-type", "d", "-prune", "-exec", "rm", "-rf", "{}", "+"]);
  await step("installFrozen", "pnpm install --frozen-lockfile (clean)", "pnpm", pnpm(["--frozen-lockfile"]));
  return finish();
}
