import type { ColdStartConfig } from "./coldStart/coldStart.js";
import type { PerCallConfig } from "./perCall/perCall.js";
import { COMMITTED_PRODUCTS, type CatalogSpec } from "./scale/catalog.js";

/** How much work each section does; `--quick` is the CI-sized run (a couple of minutes). */
export interface BenchConfig {
  readonly quick: boolean;
  readonly coldStart: ColdStartConfig;
  readonly perCall: PerCallConfig;
  readonly signing: { readonly iterations: number; readonly rounds: number; readonly tolerance: number };
  /** The catalogs of the scale section, measured in this order. */
  readonly catalogs: readonly CatalogSpec[];
}

// Tolerances: the largest (max − min) / median of the per-round ratios for which a ratio is printed.
// Chosen from the spreads measured on the shared 2-core machine when it was quiet; under load the rounds
// disagree more and the suite says so instead of printing a number.
const COLD_START_TOLERANCE = 0.25;
const PER_CALL_TOLERANCE = 0.15;
const SIGNING_TOLERANCE = 0.1;

export const FULL: BenchConfig = {
  quick: false,
  coldStart: { rounds: 15, runsPerRound: 5, tolerance: COLD_START_TOLERANCE },
  perCall: { calls: 2000, rounds: 15, warmup: 3000, tolerance: PER_CALL_TOLERANCE, countCalls: 2000, straceCalls: 2000, callgrindCalls: 500, profileCalls: 20_000 },
  signing: { iterations: 20_000, rounds: 15, tolerance: SIGNING_TOLERANCE },
  catalogs: [
    { label: "committed", products: COMMITTED_PRODUCTS, buildScope: "all" },
    // Step limits keep the full run within an evening on 2 cores; a step stopped is reported as unfinished.
    { label: "5,000", products: COMMITTED_PRODUCTS, operations: 5000, buildScope: "all", stepTimeoutMs: 20 * 60_000 },
    { label: "25,000", products: COMMITTED_PRODUCTS, operations: 25_000, buildScope: "all", stepTimeoutMs: 6 * 60_000 },
  ],
};

export const QUICK: BenchConfig = {
  quick: true,
  coldStart: { rounds: 5, runsPerRound: 3, tolerance: COLD_START_TOLERANCE },
  perCall: { calls: 400, rounds: 7, warmup: 500, tolerance: PER_CALL_TOLERANCE, countCalls: 300, straceCalls: 300, callgrindCalls: 0, profileCalls: 0 },
  signing: { iterations: 5000, rounds: 7, tolerance: SIGNING_TOLERANCE },
  // One small synthetic product alone in the copy: every step of the pipeline runs, at CI size.
  catalogs: [{ label: "quick (60 synthetic operations)", products: [], operations: 60, buildScope: "synthetic" }],
};
