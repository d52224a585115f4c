// Converts one api-docs API into one operation spec document (specs/README.md, "Operation files").
import type { OperationSpecDocument, SpecOperation, SpecParameter } from "../spec/types.js";
import type { ApiDocs, ApiDocsApi } from "./apiDocs.js";
import { convertParameter } from "./convertParameter.js";
import { convertResponses } from "./convertResponses.js";
import type { SchemaContext } from "./convertSchema.js";

type Method = SpecOperation["x-acs-methods"][number];
const METHODS = new Set<Method>(["GET", "POST", "PUT", "DELETE", "PATCH"]);

/**
 * read, list or write. Only read/list calls are retried freely, so anything unclear is `write`. The metadata
 * says it in `operationType` or `systemTags.operationType` when it says it at all; otherwise the action's verb.
 */
export function accessOf(action: string, api: ApiDocsApi): SpecOperation["x-acs-access"] {
  const tag = api.systemTags?.operationType;
  if (tag === "list") return "list";
  if (tag === "get") return "read";
  if (tag === "create" || tag === "update" || tag === "delete") return "write";
  if (api.operationType === "read") return /^List/.test(action) ? "list" : "read";
  if (api.operationType === "write" || api.operationType === "readAndWrite") return "write";
  if (/^List[A-Z]/.test(action)) return "list";
  return /^(Describe|Get|Query|Check)[A-Z]/.test(action) ? "read" : "write";
}

/** ROA paths use `[Name]` placeholders; OpenAPI uses `{Name}`. */
export function roaPath(path: string): string {
  return path.replace(/\[([^\]]+)\]/g, "{$1}");
}

function methodsOf(action: string, api: ApiDocsApi, ctx: SchemaContext): Method[] {
  const out: Method[] = [];
  for (const m of api.methods ?? []) {
    const upper = String(m).toUpperCase() as Method;
    if (METHODS.has(upper)) {
      if (!out.includes(upper)) out.push(upper);
    } else ctx.sink.report("methods", `method '${String(m)}' is not supported; not mapped`);
  }
  if (out.length === 0) {
    ctx.sink.report("methods", `${action} lists no usable method; POST assumed`);
    out.push("POST");
  }
  return out;
}

/** The spec document of `action`; `ctx.sink` receives everything that could not be mapped as-is. */
export function convertOperation(action: string, api: ApiDocsApi, docs: ApiDocs, ctx: SchemaContext): OperationSpecDocument {
  const style = docs.info.style === "ROA" ? "ROA" : "RPC";
  let path = "/";
  if (style === "ROA") {
    if (typeof api.path === "string" && api.path.startsWith("/")) path = roaPath(api.path);
    else ctx.sink.report("path", "an ROA operation without a path; '/' assumed");
  }
  const methods = methodsOf(action, api, ctx);
  const parameters = (api.parameters ?? []).map((p) => convertParameter(p, ctx)).filter((p): p is SpecParameter => p !== undefined);
  for (const p of parameters.filter((x) => x.in === "path")) {
    if (!path.includes(`{${p.name}}`)) ctx.sink.report(`parameters/${p.name}`, `path parameter does not appear in the path '${path}'`);
  }
  let summary = api.summary ?? "";
  if (summary.trim() === "") summary = api.title ?? "";
  if (summary.trim() === "") {
    summary = `${action} (the metadata has no summary).`;
    ctx.sink.report("summary", "no summary or title in the metadata; a placeholder is used");
  }
  const op: SpecOperation = {
    operationId: action,
    summary,
    "x-acs-action": action,
    "x-acs-style": style,
    "x-acs-methods": methods,
    "x-acs-access": accessOf(action, api),
    parameters,
    responses: convertResponses(api, ctx),
  };
  if (typeof api.description === "string" && api.description.trim() !== "") op.description = api.description;
  if (api.deprecated === true) op.deprecated = true;
  const token = parameters.find((p) => p.name === "ClientToken" && p.schema.type === "string");
  if (token !== undefined) op["x-acs-idempotency-token"] = token.name;
  const dryRun = parameters.find((p) => p.name === "DryRun" && p.schema.type === "boolean");
  if (dryRun !== undefined) op["x-acs-dry-run"] = dryRun.name;
  // Key order mirrors the hand-written specs so that imported files read the same way.
  const ordered: SpecOperation = {
    operationId: op.operationId,
    summary: op.summary,
    ...(op.description !== undefined ? { description: op.description } : {}),
    ...(op.deprecated ? { deprecated: true } : {}),
    "x-acs-action": op["x-acs-action"],
    "x-acs-style": op["x-acs-style"],
    "x-acs-methods": op["x-acs-methods"],
    "x-acs-access": op["x-acs-access"],
    ...(op["x-acs-idempotency-token"] !== undefined ? { "x-acs-idempotency-token": op["x-acs-idempotency-token"] } : {}),
    ...(op["x-acs-dry-run"] !== undefined ? { "x-acs-dry-run": op["x-acs-dry-run"] } : {}),
    parameters: op.parameters,
    responses: op.responses,
  };
  return {
    openapi: "3.0.3",
    info: { title: `${docs.info.product} ${action}`, version: docs.info.version },
    "x-acs-product": docs.info.product,
    "x-acs-version": docs.info.version,
    paths: { [path]: { [methods[0]!.toLowerCase()]: ordered } },
  };
}
