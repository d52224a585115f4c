import type { OperationDescriptor } from "../operation.js";
import { REDACTED } from "./redactHeaders.js";
import { isSafeWireValue } from "./safeSchema.js";

/**
 * Query or form pairs as a debug log prints them, `name=value&...` decoded: every name (the API's own
 * vocabulary), and a value only when the descriptor proves it cannot be a secret (see isSafeWireValue) or
 * fixes it itself (`fixedQuery`, and the `Format=json` the runtime adds); every other value is `<redacted>`.
 */
export function redactPairs(pairs: readonly (readonly [string, string])[], op: OperationDescriptor, location: "query" | "body"): string {
  const fixed = new Set([...(op.fixedQuery ?? []).map(([name]) => name), "Format"]);
  return pairs
    .map(([name, value]) => `${name}=${(location === "query" && fixed.has(name)) || isSafeWireValue(op, location, name) ? value : REDACTED}`)
    .join("&");
}

/** Splits an encoded query string or form body into decoded pairs (`+` is a space, as in forms). */
export function decodePairs(encoded: string): [string, string][] {
  return [...new URLSearchParams(encoded)];
}
