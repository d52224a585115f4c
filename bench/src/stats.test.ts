import { describe, expect, it } from "vitest";
import { fixed, formatBytes, formatDuration, formatPaired, formatRatio, formatSpread, growthExponent, linearFit, median, pairedRatio, relativeRange, spread } from "./stats.js";

describe("median", () => {
  it("takes the middle of an odd list regardless of order", () => {
    expect(median([9, 1, 5])).toBe(5);
  });
  it("averages the two middle values of an even list", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it("does not reorder its input", () => {
    const input = [3, 1, 2];
    median(input);
    expect(input).toEqual([3, 1, 2]);
  });
  it("refuses an empty list", () => {
    expect(() => median([])).toThrow(RangeError);
  });
});

describe("spread / relativeRange", () => {
  it("gives min, median, max and count", () => {
    expect(spread([3, 9, 1, 5])).toEqual({ min: 1, median: 4, max: 9, n: 4 });
  });
  it("measures disagreement relative to the median", () => {
    expect(relativeRange(spread([9, 10, 11]))).toBeCloseTo(0.2, 10);
    expect(relativeRange(spread([5, 5, 5]))).toBe(0);
    expect(relativeRange(spread([0, 0]))).toBe(0);
    expect(relativeRange(spread([-1, 0, 1]))).toBe(Infinity);
  });
  it("refuses an empty list", () => {
    expect(() => spread([])).toThrow(RangeError);
  });
});

describe("pairedRatio", () => {
  it("divides round by round, so drift that hits both sides of a round cancels", () => {
    // The machine slows down 3× over the rounds; the ratio stays 2.
    const r = pairedRatio([20, 40, 60], [10, 20, 30], 0.1);
    expect(r.spread).toEqual({ min: 2, median: 2, max: 2, n: 3 });
    expect(r.stable).toBe(true);
  });
  it("is unstable when the rounds disagree by more than the tolerance", () => {
    const r = pairedRatio([20, 25, 20], [10, 10, 10], 0.2);
    expect(r.spread.min).toBe(2);
    expect(r.spread.max).toBe(2.5);
    expect(r.stable).toBe(false);
    expect(pairedRatio([20, 25, 20], [10, 10, 10], 0.3).stable).toBe(true);
  });
  it("is unstable when a round could not be divided", () => {
    const r = pairedRatio([2, 2, 2], [1, 0, 1], 1);
    expect(r.spread.n).toBe(2);
    expect(r.stable).toBe(false);
  });
  it("refuses rounds that do not pair up", () => {
    expect(() => pairedRatio([1, 2], [1], 0.1)).toThrow(RangeError);
    expect(() => pairedRatio([1], [0], 0.1)).toThrow(RangeError);
  });
});

describe("formatPaired / formatSpread", () => {
  it("prints the median and the range of a stable ratio", () => {
    expect(formatPaired(pairedRatio([22, 23, 24], [10, 10, 10], 0.1))).toBe("2.30× (2.20–2.40×)");
  });
  it("refuses to print one number for a ratio whose rounds disagree, and shows the range and the tolerance", () => {
    const text = formatPaired(pairedRatio([19, 31, 25], [10, 10, 10], 0.1));
    expect(text).toBe("not stable: 1.90–3.10× over 3 rounds (tolerance 10%)");
    expect(text).not.toContain("2.50");
  });
  it("prints a spread as median (min–max)", () => {
    expect(formatSpread(spread([1.04, 1.26, 1.5]), 1, "ms")).toBe("1.3 ms (1.0–1.5)");
  });
});

describe("formatRatio", () => {
  it("scales its precision with the magnitude", () => {
    expect(formatRatio(3, 2)).toBe("1.50×");
    expect(formatRatio(250, 10)).toBe("25.0×");
    expect(formatRatio(26_000_000, 90_000)).toBe("289×");
  });
  it("is n/a when a side is missing or the divisor is not positive", () => {
    expect(formatRatio(undefined, 1)).toBe("n/a");
    expect(formatRatio(1, 0)).toBe("n/a");
  });
});

describe("formatBytes / formatDuration / fixed", () => {
  it("picks a binary unit", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(2048)).toBe("2.0 KiB");
    expect(formatBytes(3 * 1024 * 1024)).toBe("3.00 MiB");
    expect(formatBytes(24 * 1024 ** 3)).toBe("24.0 GiB");
  });
  it("prints durations in ms, s or minutes", () => {
    expect(formatDuration(850.4)).toBe("850 ms");
    expect(formatDuration(12_345)).toBe("12.3 s");
    expect(formatDuration(245_000)).toBe("4 min 05 s");
    expect(formatDuration(NaN)).toBe("n/a");
  });
  it("prints n/a for a missing value", () => {
    expect(fixed(undefined, 1)).toBe("n/a");
    expect(fixed(1.234, 1)).toBe("1.2");
  });
});

describe("linearFit", () => {
  it("recovers slope and intercept of points on a line, with R² = 1", () => {
    const fit = linearFit([[100, 7], [300, 13], [1000, 34]]);
    expect(fit.slope).toBeCloseTo(0.03, 10);
    expect(fit.intercept).toBeCloseTo(4, 10);
    expect(fit.r2).toBeCloseTo(1, 10);
  });
  it("gives R² below 1 for a curve", () => {
    expect(linearFit([[1, 1], [2, 4], [3, 9], [4, 16], [10, 100]]).r2).toBeLessThan(0.99);
  });
});

describe("growthExponent", () => {
  it("is 1 for a linear cost, 2 for a quadratic one, 0 for a constant", () => {
    expect(growthExponent(1000, 5, 25_000, 125)).toBeCloseTo(1, 10);
    expect(growthExponent(1000, 1, 5000, 25)).toBeCloseTo(2, 10);
    expect(growthExponent(1000, 3, 5000, 3)).toBe(0);
  });
  it("is NaN when it cannot be computed", () => {
    expect(growthExponent(1000, 0, 5000, 3)).toBeNaN();
    expect(growthExponent(1000, 1, 1000, 3)).toBeNaN();
  });
});
