import type { OperationDescriptor, ParameterDescriptor } from "../operation.js";

/** A request parameter as it goes on the wire: name and string value. */
export type WireParam = readonly [name: string, value: string];

/** A body parameter and its (validated) value, before the body is encoded. */
export type BodyParam = readonly [param: ParameterDescriptor, value: unknown];

/** Parameters split by where they travel. */
export interface SerializedParameters {
  readonly query: WireParam[];
  /** Lower-case header names. */
  readonly headers: Record<string, string>;
  /** Path parameter name → value, not yet encoded. */
  readonly path: Record<string, string>;
  /** Host-name prefixes, in parameter order: `<a>.<b>.<endpoint>`. */
  readonly host: string[];
  /** Body parameters with their raw values, in parameter order; {@link encodeBody} turns them into bytes. */
  readonly body: BodyParam[];
}

function scalar(value: unknown): string {
  return typeof value === "string" ? value : String(value);
}

/**
 * Flattens a value the way Alibaba Cloud's gateways read it: list items are numbered from 1
 * (`Filters.1.Key`), object fields are joined with dots (`Condition.Key`), scalars are stringified.
 */
export function flatten(out: WireParam[], prefix: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => flatten(out, `${prefix}.${i + 1}`, item));
  } else if (typeof value === "object") {
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) flatten(out, `${prefix}.${key}`, v);
  } else {
    out.push([prefix, scalar(value)]);
  }
}

/** The wire pairs of one parameter: a scalar as itself, a list or object per its serialization style. */
export function serializeParameter(param: ParameterDescriptor, value: unknown): WireParam[] {
  const out: WireParam[] = [];
  if (typeof value !== "object" || value === null) {
    out.push([param.name, scalar(value)]);
    return out;
  }
  switch (param.serialization ?? "flat") {
    case "json":
      out.push([param.name, JSON.stringify(value)]);
      break;
    case "simple":
      out.push([param.name, Array.isArray(value) ? value.map(scalar).join(",") : JSON.stringify(value)]);
      break;
    default:
      flatten(out, param.name, value);
  }
  return out;
}

/** One string for a parameter that must travel as a single value (a path segment, a host label). */
function singleValue(param: ParameterDescriptor, value: unknown): string {
  const wire = serializeParameter(param, value);
  return wire.length === 1 && wire[0]![0] === param.name ? wire[0]![1] : JSON.stringify(value);
}

/** Splits a validated input into wire parts, in the descriptor's parameter order. */
export function serializeParameters(op: OperationDescriptor, input: Readonly<Record<string, unknown>>): SerializedParameters {
  const result: SerializedParameters = { query: [], headers: {}, path: {}, host: [], body: [] };
  for (const param of op.parameters) {
    const value = input[param.name];
    if (value === undefined) continue;
    switch (param.in) {
      case "query":
        result.query.push(...serializeParameter(param, value));
        break;
      case "header":
        for (const [k, v] of serializeParameter(param, value)) result.headers[k.toLowerCase()] = v;
        break;
      case "path":
        result.path[param.name] = singleValue(param, value);
        break;
      case "host":
        result.host.push(singleValue(param, value));
        break;
      case "body":
        result.body.push([param, value]);
        break;
    }
  }
  return result;
}
