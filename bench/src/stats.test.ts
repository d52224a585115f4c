import { describe, expect, it } from "vitest";
import { fixed, formatBytes, formatRatio, linearFit, median } from "./stats.js";

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

describe("formatBytes / fixed", () => {
  it("picks a binary unit", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(2048)).toBe("2.0 KiB");
    expect(formatBytes(3 * 1024 * 1024)).toBe("3.00 MiB");
    expect(formatBytes(24 * 1024 ** 3)).toBe("24.0 GiB");
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
