import type { OperationDescriptor, ParameterDescriptor } from "../operation.js";

/** A request parameter as it goes on the wire: name and string value. */
export type WireParam = readonly [name: string, value: string];

/** Parameters split by where they travel. */
export interface SerializedParameters {
  readonly query: WireParam[];
  readonly headers: Record<string, string>;
  readonly path: Record<string, string>;
  readonly body: WireParam[];
}

function scalar(value: unknown): string {
  return typeof value === "string" ? value : String(value);
}

/**
 * Flattens a value the way Alibaba Cloud's RPC gateways read it: list items are numbered from 1
 * (`Filters.1.Key`), object fields are joined with dots (`Condition.Key`), scalars are stringified.
 */
function flatten(out: WireParam[], prefix: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => flatten(out, `${prefix}.${i + 1}`, item));
  } else if (typeof value === "object") {
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) flatten(out, `${prefix}.${key}`, v);
  } else {
    out.push([prefix, scalar(value)]);
  }
}

function serializeOne(param: ParameterDescriptor, value: unknown): WireParam[] {
  const out: WireParam[] = [];
  if (typeof value !== "object") {
    out.push([param.name, scalar(value)]);
    return out;
  }
  switch (param.serialization ?? "flat") {
    case "json":
      out.push([param.name, JSON.stringify(value)]);
      break;
    case "simple":
      out.push([param.name, (value as unknown[]).map(scalar).join(",")]);
      break;
    default:
      flatten(out, param.name, value);
  }
  return out;
}

/** Turns a validated input into wire parameters, in the descriptor's parameter order. */
export function serializeParameters(op: OperationDescriptor, input: Readonly<Record<string, unknown>>): SerializedParameters {
  const result: SerializedParameters = { query: [], headers: {}, path: {}, body: [] };
  for (const param of op.parameters) {
    const value = input[param.name];
    if (value === undefined) continue;
    const wire = serializeOne(param, value);
    switch (param.in) {
      case "query":
        result.query.push(...wire);
        break;
      case "body":
        result.body.push(...wire);
        break;
      case "header":
        for (const [k, v] of wire) result.headers[k.toLowerCase()] = v;
        break;
      case "path":
        for (const [k, v] of wire) result.path[k] = v;
        break;
    }
  }
  return result;
}
