import { inspect } from "node:util";

/**
 * A value on one line, for the mock's messages: an input, an expected input. Unlike JSON it shows `undefined`
 * properties, and it stops at a depth and length where a message would stop being readable.
 */
export function formatValue(value: unknown): string {
  return inspect(value, { depth: 6, breakLength: Infinity, compact: true, maxArrayLength: 20, maxStringLength: 200 });
}
