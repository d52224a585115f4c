import type { ParameterModel } from "./types.js";
import type { SpecSchema } from "../spec/types.js";

/** A value that satisfies `schema`, preferring the spec's own example. Used for READMEs and generated tests. */
export function exampleValue(schema: SpecSchema, example: unknown): unknown {
  if (example !== undefined && fits(schema, example)) return example;
  if (schema.example !== undefined && fits(schema, schema.example)) return schema.example;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  switch (schema.type) {
    case "string": {
      const base = "example-value";
      const min = schema.minLength ?? 0;
      const max = schema.maxLength ?? Infinity;
      const s = base.padEnd(min, "x").slice(0, max);
      if (schema.pattern === undefined || new RegExp(schema.pattern, "u").test(s)) return s;
      // A pattern the placeholder does not match (paths, ids): try a few short, common shapes before giving up.
      const shaped = ["/", "a", "A", "0", "a-1", "/a/"].find((c) => c.length >= min && c.length <= max && new RegExp(schema.pattern!, "u").test(c));
      return shaped ?? s;
    }
    case "integer":
    case "number":
      return schema.minimum ?? (schema.maximum !== undefined ? Math.min(1, schema.maximum) : 1);
    case "boolean":
      return false;
    case "array":
      return schema.items ? [exampleValue(schema.items, undefined)] : [];
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(schema.properties ?? {})) out[k] = exampleValue(v, undefined);
      return out;
    }
  }
}

/** Whether a spec example is usable as a typed value (examples in specs are often strings for numbers). */
function fits(schema: SpecSchema, value: unknown): boolean {
  switch (schema.type) {
    case "string":
      return (
        typeof value === "string" &&
        (schema.enum === undefined || schema.enum.includes(value)) &&
        (schema.maxLength === undefined || [...value].length <= schema.maxLength) &&
        (schema.minLength === undefined || [...value].length >= schema.minLength) &&
        (schema.pattern === undefined || new RegExp(schema.pattern, "u").test(value))
      );
    case "integer":
    case "number":
      return (
        typeof value === "number" &&
        // An int64 example beyond 2^53 is not a JS number the runtime would accept.
        (schema.type === "number" || Number.isSafeInteger(value)) &&
        (schema.enum === undefined || schema.enum.includes(value)) &&
        (schema.minimum === undefined || value >= schema.minimum) &&
        (schema.maximum === undefined || value <= schema.maximum)
      );
    case "boolean":
      return typeof value === "boolean";
    default:
      return false;
  }
}

/** Example input of an operation: every required parameter, plus the optional ones when `all`. */
export function exampleInput(params: readonly ParameterModel[], all: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of params) {
    if (p.required || all) out[p.name] = exampleValue(p.schema, p.example);
  }
  return out;
}

/**
 * The wire form of an input, computed here independently of the runtime's serializer so that generated
 * tests check one against the other: lists numbered from 1, objects dotted, `json` JSON-encoded.
 */
export function expectedWireParams(params: readonly ParameterModel[], input: Record<string, unknown>): [string, string][] {
  const out: [string, string][] = [];
  const walk = (prefix: string, v: unknown): void => {
    if (v === undefined || v === null) return;
    if (Array.isArray(v)) v.forEach((item, i) => walk(`${prefix}.${i + 1}`, item));
    else if (typeof v === "object") for (const [k, sub] of Object.entries(v)) walk(`${prefix}.${k}`, sub);
    else out.push([prefix, String(v)]);
  };
  for (const p of params) {
    const v = input[p.name];
    if (v === undefined || p.in !== "query") continue;
    if (typeof v === "object" && p.serialization === "json") out.push([p.name, JSON.stringify(v)]);
    else if (Array.isArray(v) && p.serialization === "simple") out.push([p.name, v.map(String).join(",")]);
    else walk(p.name, v);
  }
  return out;
}
