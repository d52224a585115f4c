// The inputs one operation is compared with: `all` (every parameter and nested field), `required` (required
// parameters only) and, for a deterministic subset of operations, `sts` (the `all` input sent with STS
// credentials). Inputs are keyed by metadata parameter name; a ROA/FC body parameter named `body` is one
// property `body` holding the body object (or bytes).
import type { MetaOperation, MetaParameter } from "../metadata/loadMetadata.js";
import { generateValue } from "./generateValue.js";
import { hashString, prngFor } from "./prng.js";

export type VariantName = "all" | "required" | "sts";

export interface Variant {
  readonly name: VariantName;
  readonly input: Readonly<Record<string, unknown>>;
  readonly credentials: "ak" | "sts";
}

/** The seed every input derives from; `WIRE_SEED` explores others. */
export const DEFAULT_SEED = 20251203;

/** The parameter that makes a write idempotent, by the name Alibaba uses for it. */
export function idempotencyTokenParameter(op: MetaOperation): MetaParameter | undefined {
  return op.parameters.find((p) => p.name.toLowerCase() === "clienttoken");
}

/** Whether `op` also gets an `sts` variant: about one operation in four, chosen by a hash of its name. */
export function inStsSubset(action: string, seed: number): boolean {
  return hashString(`${seed}:sts:${action}`) % 4 === 0;
}

/**
 * True when a dotted parameter (`DataDisk.1.Size`) names a wire key that a structured parameter of the same
 * operation (`DataDisk`, a list whose items have `Size`) also produces. ECS declares some fields both ways;
 * a caller sets one or the other, and setting both would send the key twice, so inputs set the structured one.
 */
export function coveredByStructured(op: MetaOperation, param: MetaParameter): boolean {
  const [head, ...rest] = param.name.split(".");
  if (rest.length === 0) return false;
  let schema = op.parameters.find((p) => p.name === head && p !== param)?.schema;
  for (const segment of rest) {
    if (schema === undefined) return false;
    if (schema.type === "array") schema = /^\d+$/.test(segment) ? schema.items : undefined;
    else schema = schema.properties?.[segment];
  }
  return schema !== undefined;
}

function inputFor(op: MetaOperation, fill: "all" | "required", seed: number, label: string): Record<string, unknown> {
  const counter = { n: 1 };
  const input: Record<string, unknown> = {};
  const token = idempotencyTokenParameter(op);
  for (const param of op.parameters) {
    // A path parameter is required whatever the metadata says (FC marks some `required: false`): without it
    // there is no path.
    if (fill === "required" && !param.required && param.in !== "path") continue;
    if (!param.required && coveredByStructured(op, param)) continue;
    if (param === token) {
      // The same explicit token on both sides, so the token difference remains only where an input omits it.
      // ASCII, at most 64 characters: what the service (and our spec) accept.
      input[param.name] = `wire-token-${label}-${hashString(`${seed}:${op.action}`).toString(36)}`.slice(0, 64);
      continue;
    }
    const value = generateValue(param.schema, prngFor(seed, `${op.action}/${label}/${param.name}`), {
      fill,
      ascii: param.in === "header",
      counter,
    });
    if (value !== undefined) input[param.name] = value;
  }
  return input;
}

/** The variants of one operation, in a fixed order. */
export function variantsFor(op: MetaOperation, seed: number = DEFAULT_SEED): Variant[] {
  const all = inputFor(op, "all", seed, "all");
  const variants: Variant[] = [
    { name: "all", input: all, credentials: "ak" },
    { name: "required", input: inputFor(op, "required", seed, "required"), credentials: "ak" },
  ];
  if (inStsSubset(op.action, seed)) variants.push({ name: "sts", input: all, credentials: "sts" });
  return variants;
}
