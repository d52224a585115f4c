import type { ValidateFunction } from "ajv";
import { SpecError } from "./SpecError.js";
import type { OperationSpecDocument, ProductSpecDocument, SpecOperation, SpecSchema } from "./types.js";

/** Runs a compiled schema and turns its first error into a {@link SpecError} with file, JSON path and reason. */
export function assertSchema(validate: ValidateFunction, file: string, doc: unknown): void {
  if (validate(doc)) return;
  const err = validate.errors?.[0];
  if (!err) throw new SpecError(file, "", "invalid");
  let reason = err.message ?? "invalid";
  if (err.keyword === "additionalProperties") reason += `: '${String(err.params.additionalProperty)}'`;
  if (err.keyword === "enum") reason += `: ${JSON.stringify(err.params.allowedValues)}`;
  throw new SpecError(file, err.instancePath, reason);
}

/** The single operation of a spec document, with its path and method. */
export function singleOperation(doc: OperationSpecDocument): { path: string; method: string; op: SpecOperation } {
  const [path, item] = Object.entries(doc.paths)[0]!;
  const [method, op] = Object.entries(item)[0]!;
  return { path, method, op };
}

function checkSchemaLimits(file: string, at: string, schema: SpecSchema): void {
  if (schema.minLength !== undefined && schema.maxLength !== undefined && schema.minLength > schema.maxLength) {
    throw new SpecError(file, at, "minLength is greater than maxLength");
  }
  if (schema.minimum !== undefined && schema.maximum !== undefined && schema.minimum > schema.maximum) {
    throw new SpecError(file, at, "minimum is greater than maximum");
  }
  if (schema.pattern !== undefined) {
    try {
      new RegExp(schema.pattern, "u");
    } catch (e) {
      throw new SpecError(file, `${at}/pattern`, `not a valid regular expression (${(e as Error).message})`);
    }
  }
  if (schema.type === "array" && !schema.items) throw new SpecError(file, at, "an array schema needs items");
  if (schema.items) checkSchemaLimits(file, `${at}/items`, schema.items);
  for (const [name, sub] of Object.entries(schema.properties ?? {})) checkSchemaLimits(file, `${at}/properties/${name}`, sub);
}

/** Checks what a JSON Schema cannot: names agree with each other, with the file name and with the product. */
export function checkOperationSemantics(file: string, doc: OperationSpecDocument, product: ProductSpecDocument, baseName: string): void {
  const { path, method, op } = singleOperation(doc);
  const at = `/paths/${path.replace(/~/g, "~0").replace(/\//g, "~1")}/${method}`;
  if (doc["x-acs-product"] !== product.product) {
    throw new SpecError(file, "/x-acs-product", `'${doc["x-acs-product"]}' does not match the product file's '${product.product}'`);
  }
  if (doc["x-acs-version"] !== product.version) {
    throw new SpecError(file, "/x-acs-version", `'${doc["x-acs-version"]}' does not match the product file's '${product.version}'`);
  }
  if (op.operationId !== op["x-acs-action"]) throw new SpecError(file, `${at}/operationId`, "must equal x-acs-action");
  if (op.operationId !== baseName) throw new SpecError(file, `${at}/operationId`, `must equal the file name '${baseName}'`);
  if (op["x-acs-style"] === "RPC" && path !== "/") throw new SpecError(file, "/paths", "an RPC operation's path must be '/'");
  if (!op["x-acs-methods"].includes(method.toUpperCase() as never)) {
    throw new SpecError(file, `${at}/x-acs-methods`, `must include the path's method ${method.toUpperCase()}`);
  }
  const names = new Set<string>();
  op.parameters.forEach((p, i) => {
    if (names.has(p.name)) throw new SpecError(file, `${at}/parameters/${i}/name`, `duplicate parameter '${p.name}'`);
    names.add(p.name);
    if (p.in === "path" && !p.required) throw new SpecError(file, `${at}/parameters/${i}/required`, "a path parameter must be required");
    checkSchemaLimits(file, `${at}/parameters/${i}/schema`, p.schema);
  });
  const token = op["x-acs-idempotency-token"];
  if (token !== undefined) {
    const p = op.parameters.find((x) => x.name === token);
    if (!p) throw new SpecError(file, `${at}/x-acs-idempotency-token`, `names no parameter ('${token}')`);
    if (p.schema.type !== "string") throw new SpecError(file, `${at}/x-acs-idempotency-token`, `'${token}' must be a string parameter`);
  }
  const dryRun = op["x-acs-dry-run"];
  if (dryRun !== undefined && op.parameters.find((x) => x.name === dryRun)?.schema.type !== "boolean") {
    throw new SpecError(file, `${at}/x-acs-dry-run`, `must name a boolean parameter ('${dryRun}')`);
  }
  const codes = new Set<string>();
  for (const [status, response] of Object.entries(op.responses)) {
    if (status === "200") continue;
    if (Number(status) < 400) throw new SpecError(file, `${at}/responses/${status}`, "error responses must have a 4xx or 5xx status");
    for (const e of response["x-acs-error-codes"] ?? []) {
      if (codes.has(e.code)) throw new SpecError(file, `${at}/responses/${status}`, `error code '${e.code}' is listed twice`);
      codes.add(e.code);
    }
  }
}
