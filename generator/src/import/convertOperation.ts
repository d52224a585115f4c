// Converts one api-docs API into one operation spec document (specs/README.md, "Operation files").
import { RESERVED_HEADERS } from "../spec/validateSpec.js";
import type { OperationSpecDocument, SpecBody, SpecMethod, SpecOperation, SpecParameter, SpecStyle } from "../spec/types.js";
import type { ApiDocs, ApiDocsApi, ApiDocsParameter } from "./apiDocs.js";
import { convertParameter } from "./convertParameter.js";
import { convertResponses } from "./convertResponses.js";
import type { SchemaContext } from "./convertSchema.js";
import { mergeDuplicateParameters } from "./mergeDuplicates.js";
import { RefusedOperation } from "./RefusedOperation.js";

const METHODS = new Set<SpecMethod>(["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"]);

/**
 * read, list or write. Only read/list calls are retried freely, so anything unclear is `write`. The metadata
 * says it in `operationType` or `systemTags.operationType` when it says it at all; otherwise the action's verb.
 */
export function accessOf(action: string, api: ApiDocsApi): SpecOperation["x-acs-access"] {
  const tag = api.systemTags?.operationType;
  if (tag === "list") return "list";
  if (tag === "get") return "read";
  if (tag === "create" || tag === "update" || tag === "delete") return "write";
  if (api.operationType === "read") return /^List/i.test(action) ? "list" : "read";
  if (api.operationType === "write" || api.operationType === "readAndWrite") return "write";
  if (/^List[A-Z]/i.test(action)) return "list";
  return /^(Describe|Get|Query|Check)[A-Z]/i.test(action) ? "read" : "write";
}

/** ROA paths use `[Name]` placeholders in older metadata; OpenAPI uses `{Name}`. */
export function roaPath(path: string): string {
  return path.replace(/\[([^\]]+)\]/g, "{$1}");
}

/**
 * Splits a metadata path that carries a query (`/?tagging`, `/objects?acl=1`) into the path and the query
 * parameters every request sends.
 */
export function splitPathQuery(path: string): { path: string; fixedQuery: Record<string, string> } {
  const q = path.indexOf("?");
  if (q < 0) return { path, fixedQuery: {} };
  const fixedQuery: Record<string, string> = {};
  for (const pair of path.slice(q + 1).split("&")) {
    if (pair === "") continue;
    const i = pair.indexOf("=");
    fixedQuery[decodeURIComponent(i < 0 ? pair : pair.slice(0, i))] = i < 0 ? "" : decodeURIComponent(pair.slice(i + 1));
  }
  return { path: path.slice(0, q) || "/", fixedQuery };
}

/**
 * The methods the metadata allows, upper-cased, and the one requests use: POST when it is allowed, otherwise
 * the first listed. That is the rule of Alibaba's official SDK generator (checked against every operation of
 * the NAS, ECS, VPC, CS and FC SDKs: `["get","post"]` is sent as POST).
 */
export function methodsOf(api: ApiDocsApi): { methods: SpecMethod[]; method: SpecMethod } {
  const methods: SpecMethod[] = [];
  for (const m of api.methods ?? []) {
    const upper = String(m).toUpperCase() as SpecMethod;
    if (!METHODS.has(upper)) throw new RefusedOperation(`method '${String(m)}' is not supported`);
    if (!methods.includes(upper)) methods.push(upper);
  }
  if (methods.length === 0) throw new RefusedOperation("the metadata lists no method");
  return { methods, method: methods.includes("POST") ? "POST" : methods[0]! };
}

/**
 * `AK` when the operation accepts signed calls, `Anonymous` when it needs no credentials. Other schemes
 * (bearer tokens, app keys) are signed differently: refused.
 */
export function authOf(api: ApiDocsApi): "AK" | "Anonymous" {
  const schemes = (api.security ?? [{ AK: [] }]).flatMap((s) => Object.keys(s));
  if (schemes.includes("AK")) return "AK";
  if (schemes.length === 0 || schemes.includes("Anonymous")) return "Anonymous";
  throw new RefusedOperation(`security scheme ${schemes.join("/")} is not supported (this runtime signs with an AccessKey, or sends anonymously)`);
}

/**
 * How the body parameters travel, by the official clients' rules: form fields for RPC and V3, and for
 * `formData` parameters; raw bytes for `application/octet-stream`; otherwise JSON, where one body parameter is
 * the whole body and several are the fields of one object. The official clients always send a body (`{}` or
 * an empty form) when the operation has form fields, several JSON fields, or one JSON object declared inline
 * with its properties (their SDK flattens it into the request); a body declared by reference, or an array, is
 * sent only when given.
 */
function bodyOf(style: SpecStyle, api: ApiDocsApi, sources: readonly ApiDocsParameter[], params: readonly SpecParameter[]): SpecBody | undefined {
  const inBody = params.filter((p) => p["x-acs-in"] === "body" || p["x-acs-in"] === "formData");
  if (inBody.length === 0) return undefined;
  if (style === "RPC" || style === "V3" || inBody.some((p) => p["x-acs-in"] === "formData")) return { encoding: "form", sendEmpty: true };
  if ((api.consumes ?? []).includes("application/octet-stream")) {
    const root = inBody[0]!;
    if (inBody.length > 1 || root.schema.type !== "string") throw new RefusedOperation("an application/octet-stream body must be one string parameter");
    root.schema = { ...root.schema, format: "binary" };
    return { encoding: "binary", root: root.name };
  }
  if (inBody.length > 1) return { encoding: "json", sendEmpty: true };
  const root = inBody[0]!;
  const source = sources.find((s) => s.name === root.name);
  const inlineObject = source?.schema?.$ref === undefined && root.schema.type === "object" && root.schema.properties !== undefined;
  return inlineObject ? { encoding: "json", root: root.name, sendEmpty: true } : { encoding: "json", root: root.name };
}

function checkHeaders(params: readonly SpecParameter[], auth: "AK" | "Anonymous"): void {
  for (const p of params.filter((x) => x.in === "header")) {
    const lower = p.name.toLowerCase();
    if (RESERVED_HEADERS.has(lower) || (lower === "authorization" && auth === "AK")) {
      throw new RefusedOperation(`header parameter '${p.name}' would be overwritten by the signature or the HTTP framing`);
    }
  }
}

/**
 * The spec document of `action`; `ctx.sink` receives everything that could not be mapped as-is. Throws
 * {@link RefusedOperation} when the operation cannot be represented.
 */
export function convertOperation(action: string, api: ApiDocsApi, docs: ApiDocs, style: SpecStyle, ctx: SchemaContext): OperationSpecDocument {
  let path = "/";
  let fixedQuery: Record<string, string> = {};
  if (style === "ROA" || style === "FC") {
    if (typeof api.path !== "string" || !api.path.startsWith("/")) throw new RefusedOperation(`an ${style} operation without a path`);
    ({ path, fixedQuery } = splitPathQuery(roaPath(api.path)));
  }
  const { methods, method } = methodsOf(api);
  const auth = authOf(api);
  const sources = mergeDuplicateParameters(api.parameters ?? [], ctx.sink);
  const parameters = sources.map((p) => convertParameter(p, ctx)).filter((p): p is SpecParameter => p !== undefined);
  if ((style === "RPC" || style === "V3") && parameters.some((p) => p.in === "path")) throw new RefusedOperation(`an ${style} operation with path parameters`);
  for (const p of parameters.filter((x) => x.in === "path")) {
    if (!path.includes(`{${p.name}}`)) throw new RefusedOperation(`path parameter '${p.name}' does not appear in the path '${path}'`);
  }
  for (const m of path.matchAll(/\{([^}]+)\}/g)) {
    if (!parameters.some((p) => p.in === "path" && p.name === m[1])) throw new RefusedOperation(`the path's {${m[1]}} is not declared as a path parameter`);
  }
  checkHeaders(parameters, auth);
  const body = bodyOf(style, api, sources, parameters);
  const op: SpecOperation = {
    operationId: action,
    ...(api.deprecated === true ? { deprecated: true } : {}),
    "x-acs-action": action,
    "x-acs-style": style,
    "x-acs-methods": methods,
    "x-acs-access": accessOf(action, api),
    ...(parameters.some((p) => p.name === "ClientToken" && p.schema.type === "string") ? { "x-acs-idempotency-token": "ClientToken" } : {}),
    ...(parameters.some((p) => p.name === "DryRun" && p.schema.type === "boolean") ? { "x-acs-dry-run": "DryRun" } : {}),
    ...(auth === "Anonymous" ? { "x-acs-auth": auth } : {}),
    ...(Object.keys(fixedQuery).length > 0 ? { "x-acs-fixed-query": fixedQuery } : {}),
    ...(body ? { "x-acs-body": body } : {}),
    parameters,
    responses: convertResponses(api, ctx),
  };
  return {
    openapi: "3.0.3",
    info: { title: `${docs.info.product} ${action}`, version: docs.info.version },
    "x-acs-product": docs.info.product,
    "x-acs-version": docs.info.version,
    paths: { [path]: { [method.toLowerCase()]: op } },
  };
}
