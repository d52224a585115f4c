// Statistics of the suite. Absolute times on a shared 2-core machine are noise, so every section measures
// its implementations in alternating rounds, reports the spread of the rounds (min / median / max), and
// computes each ratio round by round against a baseline measured in the same round: a ratio is printed
// only when its rounds agree within a stated tolerance (see `pairedRatio`).

/** Median of a non-empty list (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("median of an empty list");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Min, median and max of a non-empty list of samples (one per round). */
export interface Spread {
  readonly min: number;
  readonly median: number;
  readonly max: number;
  readonly n: number;
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new RangeError("spread of an empty list");
  return { min: Math.min(...values), median: median(values), max: Math.max(...values), n: values.length };
}

/** (max − min) / median: how far the rounds disagree, relative to their median (0 when they agree exactly). */
export function relativeRange(s: Spread): number {
  return s.median === 0 ? (s.max === s.min ? 0 : Infinity) : (s.max - s.min) / Math.abs(s.median);
}

/**
 * A ratio computed round by round: `numerator[i] / denominator[i]` for each round i (both measured in the
 * same round, so that drift in machine load cancels), with the spread of those per-round ratios. `stable`
 * is false when the rounds disagree by more than `tolerance` ((max − min) / median of the per-round
 * ratios): such a ratio is reported as its range, never as one number.
 */
export interface PairedRatio {
  readonly spread: Spread;
  readonly tolerance: number;
  readonly stable: boolean;
}

export function pairedRatio(numerator: readonly number[], denominator: readonly number[], tolerance: number): PairedRatio {
  if (numerator.length !== denominator.length) throw new RangeError(`paired ratio of ${numerator.length} and ${denominator.length} rounds`);
  const ratios = numerator.map((a, i) => a / denominator[i]!).filter((r) => Number.isFinite(r));
  if (ratios.length === 0) throw new RangeError("paired ratio without a usable round");
  const s = spread(ratios);
  return { spread: s, tolerance, stable: ratios.length === numerator.length && relativeRange(s) <= tolerance };
}

/** Formats a ratio value as `12.3×` (precision scaled to the magnitude). */
export function formatTimes(r: number): string {
  if (!Number.isFinite(r)) return "n/a";
  return `${r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2)}×`;
}

/** `a / b` formatted as `12.3×`; `n/a` when either side is missing or b is not positive. */
export function formatRatio(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined || !(b > 0) || !Number.isFinite(a)) return "n/a";
  return formatTimes(a / b);
}

/**
 * A paired ratio for the report: its median when the rounds agree (`2.30× (2.21–2.41)`), otherwise a
 * refusal that shows the range (`not stable: 1.9–3.1× over 9 rounds, tolerance ±10%`).
 */
export function formatPaired(r: PairedRatio): string {
  const range = `${formatTimes(r.spread.min).slice(0, -1)}–${formatTimes(r.spread.max)}`;
  if (!r.stable) return `not stable: ${range} over ${r.spread.n} rounds (tolerance ${(r.tolerance * 100).toFixed(0)}%)`;
  return `${formatTimes(r.spread.median)} (${range})`;
}

/** A spread of values for the report: `12.3 (11.9–13.0)`. */
export function formatSpread(s: Spread, decimals: number, unit = ""): string {
  const u = unit ? ` ${unit}` : "";
  return `${s.median.toFixed(decimals)}${u} (${s.min.toFixed(decimals)}–${s.max.toFixed(decimals)})`;
}

/** Human-readable byte count (binary units). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
}

/** A duration in ms, as seconds or minutes: `850 ms`, `12.3 s`, `4 min 05 s`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return "n/a";
  if (ms < 1000) return `${ms.toFixed(0)} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
}

/** A number with a fixed count of decimals, or `n/a`. */
export function fixed(value: number | undefined, decimals: number): string {
  return value === undefined || !Number.isFinite(value) ? "n/a" : value.toFixed(decimals);
}

/** Least-squares slope and intercept of y over x, and R² (how close to a straight line the points are). */
export function linearFit(points: readonly (readonly [number, number])[]): { slope: number; intercept: number; r2: number } {
  const n = points.length;
  if (n < 2) throw new RangeError("a linear fit needs at least two points");
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const r2 = sxx === 0 || syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
  return { slope, intercept: my - slope * mx, r2 };
}

/**
 * Growth exponent between two sizes: k in cost ∝ size^k (1 = linear, 2 = quadratic). Used to say which
 * steps grow faster than the catalog.
 */
export function growthExponent(size1: number, cost1: number, size2: number, cost2: number): number {
  if (!(size1 > 0 && size2 > 0 && cost1 > 0 && cost2 > 0) || size1 === size2) return NaN;
  return Math.log(cost2 / cost1) / Math.log(size2 / size1);
}
