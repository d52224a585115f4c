import type { OperationModel } from "../model/types.js";
import type { SpecSchema } from "../spec/types.js";
import { singleOperation } from "../spec/validateSpec.js";

type Descriptor = Record<string, unknown>;

/** Keeps the parts of a schema the runtime checks before sending; docs and examples stay in the types. */
function schemaDescriptor(s: SpecSchema): Descriptor {
  const out: Descriptor = { type: s.type };
  for (const key of ["enum", "minLength", "maxLength", "pattern", "minimum", "maximum", "minItems", "maxItems", "required"] as const) {
    if (s[key] !== undefined) out[key] = s[key];
  }
  if (s.items) out.items = schemaDescriptor(s.items);
  if (s.properties) {
    out.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, schemaDescriptor(v)]));
  }
  return out;
}

/** The runtime's OperationDescriptor for an operation, as plain data (keys in a fixed order). */
export function toDescriptor(model: OperationModel): Descriptor {
  const d: Descriptor = {
    product: model.product.product,
    version: model.product.version,
    action: model.action,
    style: model.style,
    method: model.method,
    pathname: model.pathname,
    access: model.access,
  };
  if (model.idempotencyToken) d.idempotencyToken = model.idempotencyToken;
  d.endpoints = model.product.endpoints;
  // `x-acs-in` (specs/README.md): a parameter typed like a query parameter but sent as a form field in the body.
  const inBody = new Set(singleOperation(model.spec).op.parameters.filter((p) => p["x-acs-in"] !== undefined).map((p) => p.name));
  d.parameters = model.parameters.map((p) => {
    const out: Descriptor = { name: p.name, in: inBody.has(p.name) ? "body" : p.in };
    if (p.required) out.required = true;
    if (p.serialization) out.serialization = p.serialization;
    out.schema = schemaDescriptor(p.schema);
    return out;
  });
  return d;
}
