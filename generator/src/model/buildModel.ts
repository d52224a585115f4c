import { isBodyParameter, singleOperation } from "../spec/validateSpec.js";
import type { LoadedOperationSpec, LoadedProductSpec, SpecOperation, SpecParameter, SpecSchema } from "../spec/types.js";
import { operationNames } from "./naming.js";
import type { ErrorCodeModel, OperationModel, ParameterLocation, ProductModel, ResponseFieldModel, ResponseKind } from "./types.js";

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

/** Where a spec parameter travels: `x-acs-in` names the locations OpenAPI has no `in` for. */
export function parameterLocation(p: SpecParameter): ParameterLocation {
  if (isBodyParameter(p)) return "body";
  if (p["x-acs-in"] === "host") return "host";
  return p.in;
}

/** How the success body is decoded, from the 200 response: bytes, a JSON array, text, nothing, or an object. */
function responseKind(op: SpecOperation): { kind: ResponseKind; schema: SpecSchema | undefined; example: unknown } {
  const ok = op.responses["200"]!;
  if (ok.content?.["application/octet-stream"]) return { kind: "binary", schema: undefined, example: undefined };
  const json = ok.content?.["application/json"];
  if (json === undefined) return { kind: ok["x-acs-no-body"] ? "none" : "json", schema: undefined, example: undefined };
  const kind: ResponseKind = json.schema.type === "array" ? "array" : json.schema.type === "object" ? "json" : "string";
  return { kind, schema: json.schema, example: json.example };
}

function byStatusThenCode(a: ErrorCodeModel, b: ErrorCodeModel): number {
  return a.httpStatus - b.httpStatus || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** Builds the model of one operation from its validated spec and its product. */
export function buildOperationModel(spec: LoadedOperationSpec, product: ProductModel): OperationModel {
  const { path, method, op } = singleOperation(spec.doc);
  const response = responseKind(op);
  const responseFields: ResponseFieldModel[] = [];
  if (response.schema?.type === "object") collectFields(responseFields, "", response.schema);
  if (response.schema?.type === "array" && response.schema.items?.type === "object") collectFields(responseFields, "[]", response.schema.items);
  const errors: ErrorCodeModel[] = [];
  const nonErrorCodes: ErrorCodeModel[] = [];
  for (const [status, r] of Object.entries(op.responses)) {
    for (const e of r["x-acs-error-codes"] ?? []) {
      (Number(status) >= 400 ? errors : nonErrorCodes).push({ code: e.code, httpStatus: Number(status), message: e.message, description: e.description ?? "" });
    }
  }
  errors.sort(byStatusThenCode);
  nonErrorCodes.sort(byStatusThenCode);
  const action = op["x-acs-action"];
  return {
    product,
    specFile: spec.file,
    spec: spec.doc,
    action,
    names: operationNames(product.code, action),
    referenceUrl: `https://api.aliyun.com/api/${encodeURIComponent(product.product)}/${encodeURIComponent(product.version)}/${encodeURIComponent(action)}`,
    summary: op.summary ?? "",
    description: op.description ?? "",
    deprecated: op.deprecated ?? false,
    deprecatedNote: op["x-acs-deprecated-note"] ?? "",
    style: op["x-acs-style"],
    method: method.toUpperCase() as OperationModel["method"],
    pathname: path,
    fixedQuery: Object.entries(op["x-acs-fixed-query"] ?? {}),
    access: op["x-acs-access"],
    auth: op["x-acs-auth"] ?? "AK",
    idempotencyToken: op["x-acs-idempotency-token"],
    dryRun: op["x-acs-dry-run"],
    parameters: op.parameters.map((p) => ({
      name: p.name,
      location: parameterLocation(p),
      required: p.required ?? false,
      description: p.description ?? p.schema.description ?? "",
      deprecated: p.deprecated ?? false,
      serialization: p["x-acs-serialization"],
      schema: p.schema,
      example: p.example ?? p.schema.example,
    })),
    body: op["x-acs-body"],
    response: response.kind,
    responseSchema: response.schema,
    responseFields,
    responseExample: response.example,
    errors,
    nonErrorCodes,
    pagination: op["x-acs-pagination"],
    waiters: Object.entries(op["x-acs-waiters"] ?? {})
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, waiter]) => ({ name, waiter })),
  };
}
