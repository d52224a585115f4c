import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runNodeJson } from "../exec.js";
import { DIST_DIR, REPO_ROOT } from "../paths.js";
import { median } from "../stats.js";
import { importGenerator, type LoadSpecsModule } from "./generatorModule.js";
import { writeSyntheticCatalog } from "./syntheticCatalog.js";

/** What one generator child process reports. */
export interface GenerateRun {
  readonly operations: number;
  readonly importMs: number;
  readonly generateMs: number;
  readonly maxRssBytes: number;
  readonly changed: readonly string[];
}

export interface ScalePoint {
  readonly operations: number;
  /** generate() wall time, ms (median when repeated). */
  readonly generateMs: number;
  /** Whole child process, including loading the generator, ms. */
  readonly processMs: number;
  readonly maxRssBytes: number;
  readonly filesWritten: number;
  /** Set when the run failed (e.g. out of memory); the figures are then 0. */
  readonly failed?: string;
}

/** Repository-level folders the generator reads besides specs/ (copied into every temporary root). */
const ROOT_SUPPORT = ["fixtures", ".changeset"];

/** An empty temporary repository root with what the generator needs besides specs. */
export function scratchRoot(prefix: string): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const dir of ROOT_SUPPORT) {
    if (existsSync(join(REPO_ROOT, dir))) cpSync(join(REPO_ROOT, dir), join(root, dir), { recursive: true });
  }
  return root;
}

/** Runs the generator in a fresh child process with `rootDir` as the repository root. */
export function runGenerator(rootDir: string, specsDir?: string): GenerateRun & { processMs: number } {
  const t0 = process.hrtime.bigint();
  const run = runNodeJson<GenerateRun>(join(DIST_DIR, "generator/runGenerate.js"), specsDir ? [rootDir, specsDir] : [rootDir]);
  return { ...run, processMs: Number(process.hrtime.bigint() - t0) / 1e6 };
}

function toPoint(runs: readonly (GenerateRun & { processMs: number })[]): ScalePoint {
  return {
    operations: runs[0]!.operations,
    generateMs: median(runs.map((r) => r.generateMs)),
    processMs: median(runs.map((r) => r.processMs)),
    maxRssBytes: median(runs.map((r) => r.maxRssBytes)),
    filesWritten: runs[0]!.changed.length,
  };
}

/** Generates every NAS operation of specs/nas into an empty temporary root, `repeats` times. */
export function measureNasGeneration(repeats: number): ScalePoint {
  const runs = [];
  for (let i = 0; i < repeats; i++) {
    const root = scratchRoot("acs-bench-nas-");
    try {
      cpSync(join(REPO_ROOT, "specs/nas"), join(root, "specs/nas"), { recursive: true });
      runs.push(runGenerator(root));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  return toPoint(runs);
}

/** Generates synthetic catalogs of each size (built from the real NAS specs) into empty temporary roots. */
export async function measureSyntheticScale(sizes: readonly number[], onPoint: (p: ScalePoint) => void = () => {}): Promise<ScalePoint[]> {
  const { loadSpecs } = await importGenerator<LoadSpecsModule>("spec/loadSpecs.js");
  const templates = loadSpecs(join(REPO_ROOT, "specs"), REPO_ROOT)
    .operations.filter((o) => o.file.startsWith("specs/nas/"))
    .map((o) => o.doc);
  const points: ScalePoint[] = [];
  // Folders are deleted only after the last size: on ext4 without a journal, creating files stays several
  // times slower for minutes after a mass deletion, which would slow every size measured after the first.
  const roots: string[] = [];
  try {
    for (const size of sizes) {
      const root = scratchRoot("acs-bench-scale-");
      roots.push(root);
      writeSyntheticCatalog(templates, size, join(root, "specs"));
      let point: ScalePoint;
      try {
        point = toPoint([runGenerator(root)]);
        if (point.operations !== size) throw new Error(`generated ${point.operations} operations, expected ${size}`);
      } catch (error) {
        // A size the generator cannot handle is a result to report, not a reason to lose the others.
        const reason = (error instanceof Error ? error.message : String(error)).split("\n").filter(Boolean).slice(-3).join(" ");
        point = { operations: size, generateMs: 0, processMs: 0, maxRssBytes: 0, filesWritten: 0, failed: reason.slice(0, 300) };
      }
      points.push(point);
      onPoint(point);
    }
  } finally {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  }
  return points;
}
