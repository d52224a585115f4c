import { describe, expect, it } from "vitest";
import { FULL } from "../config.js";
import { VARIANTS, type Variant } from "../coldStart/coldStart.js";
import { IMPLS, type Impl } from "../perCall/shared.js";
import type { CatalogResult, StepName, StepResult } from "../scale/catalog.js";
import { pairedRatio, spread, type Spread } from "../stats.js";
import { explainMisses } from "./misses.js";
import { renderReport, STEP_LABELS, stepGrowth, table } from "./render.js";
import { checkTargets, judge } from "./targets.js";
import type { SuiteResults } from "./types.js";

const flat = (x: number): Spread => spread([x * 0.98, x, x * 1.02]);
const perImpl = <T>(f: (i: Impl) => T): Record<Impl, T> => Object.fromEntries(IMPLS.map((i) => [i, f(i)])) as Record<Impl, T>;
const perVariant = <T>(f: (v: Variant) => T): Record<Variant, T> => Object.fromEntries(VARIANTS.map((v) => [v, f(v)])) as Record<Variant, T>;

function step(wallMs: number, ok = true): StepResult {
  return { wallMs, userMs: wallMs * 0.8, sysMs: wallMs * 0.1, maxRssBytes: 400e6, peakTreeRssBytes: 2e9, peakProcesses: 12, exitCode: ok ? 0 : 1, ok, ...(ok ? {} : { note: "exit 1: @acs-modular/product-ecs#test failed" }) };
}

function catalog(label: string, operations: number, scale: (name: StepName) => number): CatalogResult {
  const steps = Object.fromEntries(STEP_LABELS.map(([n]) => [n, step(scale(n), n !== "test" || operations < 5000)])) as Record<StepName, StepResult>;
  return {
    label,
    operations,
    products: Math.ceil(operations / 300),
    synthetic: operations > 1062 ? [{ code: "synthaaa", source: "cs", operations: 200 }, { code: "synthaab", source: "ecs", operations: 400 }] : [],
    workspaceProjects: operations + 20,
    steps,
    turbo: { editBuild: { tasks: 1, failed: [], cacheHits: 0 } },
    generateEmpty: { generateMs: operations * 2 + 1000, importMs: 900, filesWritten: operations * 4 },
    edit: { spec: "specs/nas/2017-06-26/CancelDataFlowSubTask.yaml", regenerated: ["packages/nas/cancel-data-flow-sub-task"], rebuilt: ["@acs-modular/product-nas#build"] },
    repo: { packBytes: operations * 3000, objects: operations * 6, packMs: 100 },
    tree: { sourceFiles: operations * 4, sourceBytes: operations * 40_000, distFiles: operations * 4, distBytes: operations * 20_000 },
    totalMs: operations * 100,
  };
}

/** A run in which the per-call floor target is missed, the official ratio is unstable and straddles its target, and the rest is met. */
function fixture(): SuiteResults {
  const rounds = (x: number): number[] => [x, x * 1.01, x * 0.99, x * 1.02, x * 0.98];
  return {
    config: FULL,
    machine: { cpuModel: "Test CPU", cores: 2, memoryBytes: 24 * 1024 ** 3, os: "Linux test", node: "v20.0.0", date: "2026-01-01T00:00:00Z" },
    durationMs: 3_600_000,
    load: { perCall: { start: 1.5, end: 2.5, endFive: 2, ms: 60_000 } },
    versions: { ours: "0.1.0", runtime: "0.1.0", official: "3.1.4", openapiCore: "1.0.8" },
    footprint: { ours: { packages: 2, bytes: 90_000, thirdParty: [], tarballBytes: 30_000 }, theirs: { packages: 41, bytes: 24_000_000, thirdParty: ["moment"] }, theirsLargest: [{ name: "moment", version: "2.31.0", bytes: 4_500_000 }] },
    coldStart: {
      rounds: 5,
      runsPerRound: 3,
      importMs: perVariant((v) => flat(v.startsWith("theirs") ? 150 : 5)),
      importCpuMs: perVariant((v) => flat(v.startsWith("theirs") ? 140 : 5)),
      processMs: perVariant((v) => flat(v.startsWith("theirs") ? 200 : 55)),
      ratios: {
        esm: pairedRatio(rounds(150), rounds(5), 0.25),
        cjs: pairedRatio(rounds(150), rounds(5), 0.25),
        esmCpu: pairedRatio(rounds(140), rounds(5), 0.25),
        cjsCpu: pairedRatio(rounds(140), rounds(5), 0.25),
        esmProcess: pairedRatio(rounds(145), rounds(5), 0.25),
        cjsProcess: pairedRatio(rounds(145), rounds(5), 0.25),
      },
    },
    perCall: {
      calls: 2000,
      rounds: 5,
      cpuUs: perImpl((i) => flat({ ours: 100, theirs: 150, bare: 50, oursNoIo: 20, floorThenNoIo: 90 }[i])),
      userUs: perImpl((i) => flat({ ours: 70, theirs: 110, bare: 30, oursNoIo: 19, floorThenNoIo: 60 }[i])),
      callsPerSecond: perImpl(() => flat(8000)),
      newConnections: perImpl(() => 0),
      ratios: {
        oursOverBare: pairedRatio(rounds(100), rounds(50), 0.15),
        // 1.5×, 3.0×, 2.0×: disagree, and straddle 2.5.
        theirsOverOurs: pairedRatio([150, 300, 200], [100, 100, 100], 0.15),
        userOursOverBare: pairedRatio(rounds(70), rounds(30), 0.15),
        userTheirsOverOurs: pairedRatio(rounds(110), rounds(70), 0.15),
      },
      counts: {
        calls: 1000,
        loopTurns: perImpl((i) => (i === "oursNoIo" ? 0 : 3)),
        asyncResources: perImpl((i) => ({ PROMISE: i === "ours" ? 30 : 3, Timeout: 1 })),
        voluntaryContextSwitches: perImpl(() => 1),
        involuntaryContextSwitches: perImpl(() => 0.1),
      },
      syscalls: { ours: { total: 6, byName: { write: 1, read: 2 } }, bare: { total: 5, byName: { write: 1, read: 1 } } },
      instructions: { ours: 900_000, bare: 300_000, theirs: 1_500_000, oursNoIo: 200_000, floorThenNoIo: 500_000 },
      skipped: [],
    },
    signing: {
      iterations: 20_000,
      rounds: 5,
      nsPerSignature: { ours: flat(7000), openapiCore: flat(7500), openapiUtil: flat(7400) },
      ratios: { oursOverCore: pairedRatio(rounds(7000), rounds(7500), 0.1), oursOverUtil: pairedRatio(rounds(7000), rounds(7400), 0.1) },
      sameSignature: true,
    },
    scale: {
      catalogs: [
        catalog("committed", 1062, () => 10_000),
        catalog("5,000", 5000, (n) => (n === "version" ? 10_000 * (5000 / 1062) ** 2 : 10_000 * (5000 / 1062))),
        catalog("25,000", 25_000, (n) => (n === "version" ? 10_000 * (25_000 / 1062) ** 2 : 10_000 * (25_000 / 1062))),
      ],
      committedRepo: { snapshot: { packBytes: 3e6, objects: 7500 }, history: { packBytes: 6e6, objects: 16_800, commits: 15 }, git: { looseBytes: 1.4e7, packBytes: 6.5e6, objects: 18_650 } },
      totalMs: 3_000_000,
    },
    notes: "## Closing notes\n\nHand-written.",
  };
}

describe("checkTargets / judge", () => {
  it("judges a stable ratio on its median", () => {
    expect(judge(pairedRatio([2, 2.02], [1, 1], 0.1), (x) => x <= 1.3)).toBe("missed");
    expect(judge(pairedRatio([1.2, 1.21], [1, 1], 0.1), (x) => x <= 1.3)).toBe("met");
  });
  it("judges unstable rounds only when they all lie on one side of the target", () => {
    expect(judge(pairedRatio([3, 6], [1, 1], 0.1), (x) => x >= 2.5)).toBe("met");
    expect(judge(pairedRatio([1, 2], [1, 1], 0.1), (x) => x >= 2.5)).toBe("missed");
    expect(judge(pairedRatio([2, 3], [1, 1], 0.1), (x) => x >= 2.5)).toBe("not established");
  });
  it("evaluates every target of the run", () => {
    const t = Object.fromEntries(checkTargets(fixture()).map((x) => [x.id, x.verdict]));
    expect(t).toMatchObject({ perCallFloor: "missed", perCallOfficial: "not established", signing: "met", coldStart: "met", install: "met", deps: "met", generatorLinear: "met", "edit-committed": "met" });
  });
});

describe("explainMisses", () => {
  it("explains each miss from the run's own figures and leaves met targets alone", () => {
    const r = fixture();
    const text = explainMisses(r, checkTargets(r));
    expect(text).toHaveLength(2);
    expect(text[0]).toContain("Per call vs the floor: missed");
    expect(text[0]).toContain("50.0 µs"); // ours − floor
    expect(text[0]).toContain("20.0 µs"); // ours without I/O
    expect(text[0]).toContain("promises 30.0 vs 3.0");
    expect(text[1]).toContain("not established");
    expect(text[1]).toContain("load average 1.5 → 2.5");
  });
});

describe("renderReport", () => {
  const md = renderReport(fixture());
  it("has every section, the targets and the hand-written notes", () => {
    for (const h of ["## Targets", "## 1. Install footprint", "## 2. Cold start", "## 3. Per-call cost", "## 4. Signing alone", "## 5. Scale", "### Repository size", "### One changed spec", "## Closing notes"]) expect(md).toContain(h);
  });
  it("prints no single number for a ratio whose rounds disagree", () => {
    expect(md).toContain("not stable: 1.50–3.00× over 3 rounds (tolerance 15%)");
    expect(md).not.toContain("| official / ours | 2.00×");
  });
  it("reports spreads and the load average", () => {
    expect(md).toContain("100.0 (98.0–102.0)");
    expect(md).toContain("perCall 1.5 → 2.5");
  });
  it("shows each scale step for every catalog, flags failures and super-linear steps", () => {
    expect(md).toContain("| `changeset version` (initial-release changesets) |");
    expect(md).toMatch(/`turbo run test`, product contract suites \|[^\n]*\*\*\(failed\)\*\*/);
    expect(md).toContain("Steps whose wall time or CPU grows faster than the catalog");
    expect(md).toMatch(/`changeset version` \(initial-release changesets\) \(2\.00/);
    expect(md).toContain("exit 1: @acs-modular/product-ecs#test failed");
  });
  it("computes growth exponents between the first and the last catalog", () => {
    const cats = fixture().scale!.catalogs;
    expect(stepGrowth(cats, "build")).toBeCloseTo(1, 5);
    expect(stepGrowth(cats, "version")).toBeCloseTo(2, 5);
  });
});

describe("table", () => {
  it("escapes pipes inside cells", () => {
    expect(table(["a", "b"], [["x|y", "z"]])).toBe("| a | b |\n| --- | --- |\n| x\\|y | z |");
  });
});
