import type { ValidateFunction } from "ajv";
import { SpecError } from "./SpecError.js";
import type { OperationSpecDocument, ProductSpecDocument, SpecOperation, SpecParameter, SpecSchema } from "./types.js";

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

/**
 * Header names a parameter cannot use: the runtime sets them itself (signature V3, framing), so a parameter
 * with one of these names would be overwritten or would break the signature. `authorization` is allowed only
 * on anonymous operations, which carry no signature.
 */
export const RESERVED_HEADERS: ReadonlySet<string> = new Set([
  "host",
  "content-length",
  "content-type",
  "transfer-encoding",
  "user-agent",
  "accept",
  "x-acs-action",
  "x-acs-version",
  "x-acs-date",
  "x-acs-signature-nonce",
  "x-acs-content-sha256",
  "x-acs-security-token",
  "x-acs-accesskey-id",
]);

/** The `{Name}` placeholders of a path template, in order. */
export function pathPlaceholders(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
}

/** True when the parameter travels in the body (`x-acs-in: body`, or `formData`, a field of a form body). */
export function isBodyParameter(p: SpecParameter): boolean {
  return p["x-acs-in"] === "body" || p["x-acs-in"] === "formData";
}

function checkParameters(file: string, at: string, path: string, op: SpecOperation): void {
  const names = new Set<string>();
  const placeholders = new Set(pathPlaceholders(path));
  op.parameters.forEach((p, i) => {
    const here = `${at}/parameters/${i}`;
    if (names.has(p.name)) throw new SpecError(file, `${here}/name`, `duplicate parameter '${p.name}'`);
    names.add(p.name);
    if (p["x-acs-in"] !== undefined && p.in !== "query") throw new SpecError(file, `${here}/in`, "a parameter with x-acs-in is declared in: query");
    if (p.in === "path" && !placeholders.has(p.name)) throw new SpecError(file, `${here}/name`, `path parameter '${p.name}' does not appear in the path '${path}'`);
    if (p.in === "header") {
      const lower = p.name.toLowerCase();
      if (RESERVED_HEADERS.has(lower) || (lower === "authorization" && op["x-acs-auth"] !== "Anonymous")) {
        throw new SpecError(file, `${here}/name`, `header '${p.name}' is set by the runtime (signature and framing); it cannot be a parameter`);
      }
    }
    checkSchemaLimits(file, `${here}/schema`, p.schema);
  });
  for (const name of placeholders) {
    if (!op.parameters.some((p) => p.in === "path" && p.name === name)) throw new SpecError(file, "/paths", `the path's {${name}} is not a path parameter`);
  }
}

function checkBody(file: string, at: string, op: SpecOperation): void {
  const body = op["x-acs-body"];
  const inBody = op.parameters.filter(isBodyParameter);
  if (body === undefined) {
    if (inBody.length > 0) throw new SpecError(file, `${at}/x-acs-body`, `'${inBody[0]!.name}' travels in the body: x-acs-body must say how`);
    return;
  }
  if (inBody.length === 0) throw new SpecError(file, `${at}/x-acs-body`, "no parameter travels in the body");
  if (body.root !== undefined) {
    const root = inBody.find((p) => p.name === body.root);
    if (root === undefined) throw new SpecError(file, `${at}/x-acs-body/root`, `names no body parameter ('${body.root}')`);
    if (inBody.length > 1) throw new SpecError(file, `${at}/x-acs-body/root`, "a root body must be the only body parameter");
  }
  if (body.encoding === "binary") {
    const root = inBody.find((p) => p.name === body.root);
    if (root === undefined || root.schema.type !== "string" || root.schema.format !== "binary") {
      throw new SpecError(file, `${at}/x-acs-body`, "a binary body needs a root parameter of type string, format binary");
    }
  }
  if (body.encoding === "form" && body.root !== undefined) throw new SpecError(file, `${at}/x-acs-body/root`, "a form body has fields, not a root");
}

/**
 * The schema at a dotted path of a body schema, where `[]` after a key steps into a list's items
 * (`TaskInfo.Task[].Status`); undefined when the path leaves the schema.
 */
export function schemaAt(schema: SpecSchema | undefined, path: string): SpecSchema | undefined {
  let current = schema;
  for (const raw of path.split(".")) {
    const each = raw.endsWith("[]");
    const key = each ? raw.slice(0, -2) : raw;
    current = current?.type === "object" ? current.properties?.[key] : undefined;
    if (each) current = current?.type === "array" ? current.items : undefined;
  }
  return current;
}

function checkPagination(file: string, at: string, op: SpecOperation): void {
  const p = op["x-acs-pagination"];
  if (p === undefined) return;
  const here = `${at}/x-acs-pagination`;
  const needs = p.style === "page" ? (["pageNumber"] as const) : (["inputToken", "outputToken"] as const);
  for (const key of needs) if (p[key] === undefined) throw new SpecError(file, here, `a ${p.style} paginator needs ${key}`);
  for (const key of ["inputToken", "pageSize", "pageNumber"] as const) {
    const name = p[key];
    if (name !== undefined && !op.parameters.some((x) => x.name === name)) throw new SpecError(file, `${here}/${key}`, `names no parameter ('${name}')`);
  }
  const body = op.responses["200"]?.content?.["application/json"]?.schema;
  if (body === undefined) return;
  for (const key of ["outputToken", "totalCount", "items"] as const) {
    const path = p[key];
    if (path !== undefined && schemaAt(body, path) === undefined) throw new SpecError(file, `${here}/${key}`, `'${path}' is not a field of the response`);
  }
  if (p.items !== undefined && schemaAt(body, p.items)?.type !== "array") throw new SpecError(file, `${here}/items`, `'${p.items}' is not a list`);
}

function checkWaiters(file: string, at: string, op: SpecOperation): void {
  const body = op.responses["200"]?.content?.["application/json"]?.schema;
  for (const [name, waiter] of Object.entries(op["x-acs-waiters"] ?? {})) {
    waiter.acceptors.forEach((a, i) => {
      if ("path" in a && body !== undefined && schemaAt(body, a.path) === undefined) {
        throw new SpecError(file, `${at}/x-acs-waiters/${name}/acceptors/${i}/path`, `'${a.path}' is not a field of the response`);
      }
    });
    if (!waiter.acceptors.some((a) => a.state === "success")) throw new SpecError(file, `${at}/x-acs-waiters/${name}`, "a waiter needs a success acceptor");
  }
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
  const rpcLike = op["x-acs-style"] === "RPC" || op["x-acs-style"] === "V3";
  if (rpcLike && path !== "/") throw new SpecError(file, "/paths", `an ${op["x-acs-style"]} operation's path must be '/'`);
  if (!op["x-acs-methods"].includes(method.toUpperCase() as never)) {
    throw new SpecError(file, `${at}/x-acs-methods`, `must include the path's method ${method.toUpperCase()}`);
  }
  checkParameters(file, at, path, op);
  checkBody(file, at, op);
  checkPagination(file, at, op);
  checkWaiters(file, at, op);
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
  for (const [status, response] of Object.entries(op.responses)) {
    const codes = new Set<string>();
    for (const e of response["x-acs-error-codes"] ?? []) {
      if (codes.has(e.code)) throw new SpecError(file, `${at}/responses/${status}`, `error code '${e.code}' is listed twice`);
      codes.add(e.code);
    }
  }
}
