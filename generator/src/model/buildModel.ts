import { singleOperation } from "../spec/validateSpec.js";
import type { LoadedOperationSpec, LoadedProductSpec, SpecSchema } from "../spec/types.js";
import { operationNames } from "./naming.js";
import type { ErrorCodeModel, OperationModel, ProductModel, ResponseFieldModel } from "./types.js";

export function buildProductModel(spec: LoadedProductSpec): ProductModel {
  const d = spec.doc;
  return { product: d.product, code: d.code, version: d.version, title: d.title, style: d.style, endpoints: d.endpoints };
}

/** A short type label for documentation tables: `string`, `integer (int64)`, `object[]`. */
export function typeLabel(schema: SpecSchema): string {
  if (schema.type === "array") return `${schema.items ? typeLabel(schema.items) : "unknown"}[]`;
  return schema.format ? `${schema.type} (${schema.format})` : schema.type;
}

function collectFields(out: ResponseFieldModel[], prefix: string, schema: SpecSchema): void {
  for (const [name, sub] of Object.entries(schema.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    out.push({ path, type: typeLabel(sub), description: sub.description ?? sub.title ?? "" });
    if (sub.type === "object") collectFields(out, path, sub);
    if (sub.type === "array" && sub.items?.type === "object") collectFields(out, `${path}[]`, sub.items);
  }
}

/** Builds the model of one operation from its validated spec and its product. */
export function buildOperationModel(spec: LoadedOperationSpec, product: ProductModel): OperationModel {
  const { path, method, op } = singleOperation(spec.doc);
  const success = op.responses["200"]?.content?.["application/json"];
  const responseFields: ResponseFieldModel[] = [];
  if (success) collectFields(responseFields, "", success.schema);
  const errors: ErrorCodeModel[] = [];
  for (const [status, response] of Object.entries(op.responses)) {
    if (status === "200") continue;
    for (const e of response["x-acs-error-codes"] ?? []) {
      errors.push({ code: e.code, httpStatus: Number(status), message: e.message, description: e.description ?? "" });
    }
  }
  errors.sort((a, b) => a.httpStatus - b.httpStatus || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return {
    product,
    specFile: spec.file,
    spec: spec.doc,
    action: op["x-acs-action"],
    names: operationNames(product.code, op["x-acs-action"]),
    summary: op.summary,
    description: op.description ?? "",
    deprecated: op.deprecated ?? false,
    deprecatedNote: op["x-acs-deprecated-note"] ?? "",
    style: op["x-acs-style"],
    method: method.toUpperCase() as OperationModel["method"],
    pathname: path,
    access: op["x-acs-access"],
    idempotencyToken: op["x-acs-idempotency-token"],
    dryRun: op["x-acs-dry-run"],
    parameters: op.parameters.map((p) => ({
      name: p.name,
      in: p.in,
      required: p.required ?? false,
      description: p.description ?? p.schema.description ?? "",
      deprecated: p.deprecated ?? false,
      serialization: p["x-acs-serialization"],
      schema: p.schema,
      example: p.example ?? p.schema.example,
    })),
    hasResponseSchema: success !== undefined,
    responseFields,
    responseExample: success?.example,
    errors,
  };
}
