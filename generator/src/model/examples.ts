import type { OperationModel, ParameterModel } from "./types.js";
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

/**
 * Example input of an operation: every required parameter, plus the optional ones when `all`. An optional
 * parameter whose wire keys another already took is left out (ECS declares `DataDisk.1.Size` beside the
 * `DataDisk` list): the runtime refuses an input that sets one key twice.
 */
export function exampleInput(params: readonly ParameterModel[], all: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const taken = new Set<string>();
  for (const p of params) {
    if (!p.required && !all) continue;
    const value = exampleValue(p.schema, p.example);
    const keys = wirePairs(p, value).map(([k]) => `${p.location}:${k}`);
    if (!p.required && keys.some((k) => taken.has(k))) continue;
    for (const k of keys) taken.add(k);
    out[p.name] = value;
  }
  return out;
}

/** Flattened `[name, value]` pairs of one value: lists numbered from 1, objects dotted, as the gateways read them. */
function flatPairs(out: [string, string][], prefix: string, v: unknown): void {
  if (v === undefined || v === null) return;
  if (Array.isArray(v)) v.forEach((item, i) => flatPairs(out, `${prefix}.${i + 1}`, item));
  else if (typeof v === "object") for (const [k, sub] of Object.entries(v)) flatPairs(out, `${prefix}.${k}`, sub);
  else out.push([prefix, String(v)]);
}

/** The wire pairs of one parameter's value, per its serialization: `json` JSON-encoded, `simple` comma-joined, else flat. */
function wirePairs(p: ParameterModel, v: unknown): [string, string][] {
  if (typeof v === "object" && v !== null && p.serialization === "json") return [[p.name, JSON.stringify(v)]];
  if (Array.isArray(v) && p.serialization === "simple") return [[p.name, v.map(String).join(",")]];
  const out: [string, string][] = [];
  flatPairs(out, p.name, v);
  return out;
}

/**
 * The query pairs of an input (query parameters only), computed here independently of the runtime's
 * serializer so that replayed fixtures check one against the other.
 */
export function expectedWireParams(params: readonly ParameterModel[], input: Record<string, unknown>): [string, string][] {
  return params.filter((p) => p.location === "query" && input[p.name] !== undefined).flatMap((p) => wirePairs(p, input[p.name]));
}

/** What the spec says goes on the wire for an input, as a fixture records it (decoded path and query, body text). */
export interface ExpectedWire {
  readonly hostPrefix: string;
  readonly pathname: string;
  readonly query: [string, string][];
  readonly headers: Record<string, string>;
  readonly body: string | null;
}

/** The body's text and content type for an input, per the operation's `x-acs-body`. */
function expectedBody(model: OperationModel, input: Record<string, unknown>): { text: string; contentType: string } | undefined {
  const body = model.body;
  if (body === undefined) return undefined;
  const given = model.parameters.filter((p) => p.location === "body" && input[p.name] !== undefined);
  if (given.length === 0 && !body.sendEmpty) return undefined;
  if (body.encoding === "form") {
    const pairs = given.flatMap((p) => wirePairs(p, input[p.name]));
    return { text: pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&"), contentType: "application/x-www-form-urlencoded" };
  }
  if (body.encoding === "json") {
    const value = body.root !== undefined ? (input[body.root] ?? {}) : Object.fromEntries(given.map((p) => [p.name, input[p.name]]));
    return { text: JSON.stringify(value), contentType: "application/json; charset=utf-8" };
  }
  const raw = body.root !== undefined ? input[body.root] : undefined;
  return { text: typeof raw === "string" ? raw : raw instanceof Uint8Array ? new TextDecoder().decode(raw) : "", contentType: "application/octet-stream" };
}

/** The request the spec describes for `input`: path (decoded), query, parameter headers and body. */
export function expectedWire(model: OperationModel, input: Record<string, unknown>): ExpectedWire {
  const headers: Record<string, string> = {};
  const hostLabels: string[] = [];
  let pathname = model.pathname;
  for (const p of model.parameters) {
    const v = input[p.name];
    if (v === undefined) continue;
    const single = wirePairs(p, v).map(([, value]) => value).join(",");
    if (p.location === "header") for (const [k, value] of wirePairs(p, v)) headers[k.toLowerCase()] = value;
    if (p.location === "path") pathname = pathname.replace(`{${p.name}}`, single);
    if (p.location === "host") hostLabels.push(single);
  }
  pathname = pathname.replace(/\{[^}]+\}/g, "");
  const query: [string, string][] = [...model.fixedQuery.map(([k, v]) => [k, v] as [string, string]), ...expectedWireParams(model.parameters, input)];
  if (model.auth === "Anonymous" && (model.style === "RPC" || model.style === "V3")) query.push(["Format", "json"]);
  const body = expectedBody(model, input);
  if (body) headers["content-type"] = body.contentType;
  return { hostPrefix: hostLabels.map((l) => `${l}.`).join(""), pathname, query, headers, body: body?.text || null };
}
