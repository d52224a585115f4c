// The scale section: every catalog of the run (committed, then synthetic sizes) measured in its own
// temporary copy of the repository, plus what the committed specs and packages take in this repository's git.
import { REPO_ROOT } from "../paths.js";
import { formatDuration } from "../stats.js";
import { COMMITTED_PRODUCTS, measureCatalog, type CatalogResult, type CatalogSpec } from "./catalog.js";
import { countObjects, historyPackSize, packSize } from "./repoSize.js";

export interface CommittedRepo {
  /** HEAD's specs, generated packages and changesets, packed as one snapshot. */
  readonly snapshot: { readonly packBytes: number; readonly objects: number };
  /** Every version of those paths in this repository's history, packed. */
  readonly history: { readonly packBytes: number; readonly objects: number; readonly commits: number };
  /** This repository's whole .git as it is (loose objects and packs). */
  readonly git: { readonly looseBytes: number; readonly packBytes: number; readonly objects: number };
}

export interface ScaleResult {
  readonly catalogs: readonly CatalogResult[];
  readonly committedRepo: CommittedRepo;
  readonly totalMs: number;
}

/** The committed catalog's paths in git: spec folders, generated product folders, changesets. */
export const COMMITTED_PATHS = ["specs", ...COMMITTED_PRODUCTS.map((p) => `packages/${p}`), ".changeset"];

export function measureCommittedRepo(): CommittedRepo {
  return {
    snapshot: packSize(REPO_ROOT, "HEAD", COMMITTED_PATHS),
    history: historyPackSize(REPO_ROOT, "HEAD", COMMITTED_PATHS),
    git: countObjects(REPO_ROOT),
  };
}

export async function measureScale(catalogs: readonly CatalogSpec[], log: (line: string) => void): Promise<ScaleResult> {
  const started = Date.now();
  const committedRepo = measureCommittedRepo();
  const results: CatalogResult[] = [];
  const cleanups: (() => void)[] = [];
  try {
    for (const spec of catalogs) {
      log(`catalog ${spec.label}`);
      const { result, cleanup } = await measureCatalog(spec, {
        onStep: (_, step, cost) => log(`  ${step}: ${formatDuration(cost.wallMs)}, CPU ${formatDuration(cost.userMs + cost.sysMs)}, peak RSS ${(cost.maxRssBytes / 1e6).toFixed(0)} MB (tree ${(cost.peakTreeRssBytes / 1e6).toFixed(0)} MB)${cost.ok ? "" : " FAILED"}`),
      });
      cleanups.push(cleanup);
      results.push(result);
      log(`  ${result.operations} operations in ${result.products} products: ${formatDuration(result.totalMs)}${result.aborted ? `; ABORTED: ${result.aborted}` : ""}`);
    }
  } finally {
    // Deleted only after the last catalog (see measureCatalog).
    for (const c of cleanups) c();
  }
  return { catalogs: results, committedRepo, totalMs: Date.now() - started };
}
