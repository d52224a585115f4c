// A small seeded PRNG (mulberry32) and a string hash (FNV-1a), so every generated input is a pure function of
// the seed and the operation: a failure reproduces from its seed, whatever ran before it.

/** A deterministic source of random numbers. */
export interface Prng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

/** 32-bit FNV-1a hash of a string (its UTF-16 code units). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32, seeded with `seed` (any 32-bit integer). */
export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => {
      if (max < min) throw new RangeError(`int(${min}, ${max})`);
      // Wide int64 ranges exceed 2^53; stay within safe integers.
      const lo = Math.max(min, Number.MIN_SAFE_INTEGER);
      const hi = Math.min(max, Number.MAX_SAFE_INTEGER);
      return lo + Math.floor(next() * (hi - lo + 1));
    },
    pick: (items) => {
      if (items.length === 0) throw new RangeError("pick from an empty list");
      return items[Math.floor(next() * items.length)]!;
    },
  };
}

/** A PRNG for one purpose: the seed mixed with a label (e.g. `nas/CreateDataFlow/all`). */
export function prngFor(seed: number, label: string): Prng {
  return createPrng(hashString(`${seed}:${label}`));
}
