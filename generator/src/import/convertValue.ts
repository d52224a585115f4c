// The metadata stores numbers and booleans as strings (`"minimum": "1"`, `"example": "true"`); these helpers
// turn them into the JSON types our spec format and JSON Schemas expect, and say when they cannot.

/** A finite number from a number or numeric string; `undefined` when it is neither. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const n = Number(value.trim());
  return Number.isFinite(n) ? n : undefined;
}

/** A non-negative integer (for lengths and item counts). */
export function toCount(value: unknown): number | undefined {
  const n = toNumber(value);
  return n !== undefined && Number.isInteger(n) && n >= 0 ? n : undefined;
}

/**
 * A value converted to a schema's scalar type: `"20"` → 20 for integers, `"true"` → true for booleans.
 * Integers beyond 2^53 stay out (they would not round-trip). `undefined` when the value does not convert.
 */
export function toTyped(type: string, value: unknown): string | number | boolean | undefined {
  switch (type) {
    case "string":
      return typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
    case "integer": {
      const n = toNumber(value);
      return n !== undefined && Number.isSafeInteger(n) ? n : undefined;
    }
    case "number":
      return toNumber(value);
    case "boolean":
      if (typeof value === "boolean") return value;
      if (value === "true") return true;
      if (value === "false") return false;
      return undefined;
    default:
      return undefined;
  }
}
