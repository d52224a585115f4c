// Which generated operations the differential suite sends. There are a thousand and more; comparing every one
// at 80 inputs each would take many minutes, and most share their wire shapes. The sample is fixed (the same
// on every machine and run) and spread out: every operation with recorded fixtures (the exchanges users
// rely on), plus evenly spaced operations of each product, so each product's shapes are covered as the set grows.
import type { OperationDescriptor } from "../../src/operation.js";
import type { GeneratedOperation } from "../support/generatedOperations.js";
import { existsSync, readdirSync } from "node:fs";

function hasFixtures(op: GeneratedOperation): boolean {
  return existsSync(op.fixtures) && readdirSync(op.fixtures).some((f) => f.endsWith(".json"));
}

/** Every operation with fixtures, then `perProduct` evenly spaced ones of each product; sorted, no duplicates. */
export function sampleOperations(all: readonly GeneratedOperation[], perProduct: number): GeneratedOperation[] {
  const chosen = new Set(all.filter(hasFixtures));
  const byProduct = new Map<string, GeneratedOperation[]>();
  for (const op of all) {
    const product = op.name.split("/")[0]!;
    byProduct.set(product, [...(byProduct.get(product) ?? []), op]);
  }
  for (const ops of byProduct.values()) {
    const step = Math.max(1, Math.floor(ops.length / perProduct));
    for (let i = 0; i < ops.length && i / step < perProduct; i += step) chosen.add(ops[i]!);
  }
  return all.filter((op) => chosen.has(op));
}

/**
 * Whether officialClient.ts can drive the operation as the official product SDKs do: RPC, every parameter in
 * the query or a form body, a signed call with a JSON answer. ROA and FC operations (path, header and JSON
 * body parameters) are compared by the wire tests (tests/wire) instead.
 */
export function drivable(op: OperationDescriptor): boolean {
  return (
    op.style === "RPC" &&
    op.auth !== "Anonymous" &&
    (op.response ?? "json") === "json" &&
    (op.body === undefined || op.body.encoding === "form") &&
    op.parameters.every((p) => p.in === "query" || p.in === "body")
  );
}
