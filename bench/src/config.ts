/** How much work each section does; `--quick` keeps the whole suite under a minute for CI. */
export interface BenchConfig {
  readonly quick: boolean;
  readonly coldStartRuns: number;
  readonly perCall: { readonly calls: number; readonly rounds: number; readonly warmup: number };
  readonly signing: { readonly iterations: number; readonly rounds: number };
  readonly nasRepeats: number;
  readonly syntheticSizes: readonly number[];
}

export const FULL: BenchConfig = {
  quick: false,
  coldStartRuns: 20,
  perCall: { calls: 2000, rounds: 9, warmup: 3000 },
  signing: { iterations: 20_000, rounds: 15 },
  nasRepeats: 3,
  syntheticSizes: [1000, 5000, 25_000],
};

export const QUICK: BenchConfig = {
  quick: true,
  coldStartRuns: 10,
  perCall: { calls: 300, rounds: 5, warmup: 300 },
  signing: { iterations: 5000, rounds: 5 },
  nasRepeats: 1,
  syntheticSizes: [60, 180],
};
