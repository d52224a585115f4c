import type { OperationModel } from "../model/types.js";
import type { SpecSchema } from "../spec/types.js";

type Descriptor = Record<string, unknown>;

/** Keeps the parts of a schema the runtime checks before sending; docs and examples stay in the types. */
export function schemaDescriptor(s: SpecSchema): Descriptor {
  const out: Descriptor = { type: s.type };
  if (s.format === "binary") out.format = "binary";
  for (const key of ["enum", "minLength", "maxLength", "pattern", "minimum", "maximum", "minItems", "maxItems", "required"] as const) {
    if (s[key] !== undefined) out[key] = s[key];
  }
  if (s.items) out.items = schemaDescriptor(s.items);
  if (s.properties) {
    out.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, schemaDescriptor(v)]));
  }
  if (s.additionalProperties === true) out.additionalProperties = true;
  else if (typeof s.additionalProperties === "object") out.additionalProperties = schemaDescriptor(s.additionalProperties);
  return out;
}

/**
 * The documented error table the runtime and the types read: code → the HTTP statuses it is answered with,
 * codes in the model's order (status, then code), statuses ascending.
 */
export function errorTable(model: OperationModel): Record<string, number[]> {
  const table: Record<string, number[]> = {};
  for (const e of model.errors) (table[e.code] ??= []).push(e.httpStatus);
  return table;
}

/**
 * The runtime's OperationDescriptor for an operation, as plain data (keys in a fixed order). Defaults are
 * left out (`auth: "AK"`, `response: "json"`, no body), so most descriptors stay short. The error table is
 * not part of it: the generated package declares it once, `as const`, and the descriptor references it.
 */
export function toDescriptor(model: OperationModel): Descriptor {
  const d: Descriptor = {
    product: model.product.product,
    version: model.product.version,
    action: model.action,
    style: model.style,
    method: model.method,
    pathname: model.pathname,
  };
  if (model.fixedQuery.length > 0) d.fixedQuery = model.fixedQuery.map(([k, v]) => [k, v]);
  d.access = model.access;
  if (model.idempotencyToken) d.idempotencyToken = model.idempotencyToken;
  if (model.auth !== "AK") d.auth = model.auth;
  if (model.body) d.body = { encoding: model.body.encoding, ...(model.body.root !== undefined ? { root: model.body.root } : {}), ...(model.body.sendEmpty ? { sendEmpty: true } : {}) };
  if (model.response !== "json") d.response = model.response;
  d.endpoints = model.product.endpoints;
  d.parameters = model.parameters.map((p) => {
    const out: Descriptor = { name: p.name, in: p.location };
    if (p.required) out.required = true;
    if (p.serialization) out.serialization = p.serialization;
    out.schema = schemaDescriptor(p.schema);
    return out;
  });
  return d;
}
