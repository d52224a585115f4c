// Converts `responses`, `errorCodes` and `responseDemo` into our responses object: a 200 describing the
// success body (a JSON schema and example, raw bytes, or no body), and one response per HTTP status that
// documents error codes (x-acs-error-codes), whatever that status.
import type { SpecErrorCode, SpecResponse } from "../spec/types.js";
import type { ApiDocsApi } from "./apiDocs.js";
import { misfits } from "../fixtures/fitsSchema.js";
import { convertSchema, type SchemaContext } from "./convertSchema.js";
import { containsCjk, hasCjk } from "./prose.js";

/** Text of the 200 response when the metadata has no response schema (request-only metadata). */
export const NO_RESPONSE_SCHEMA = "The metadata documents no response schema; the output is typed Record<string, unknown>.";

/** The JSON example of `responseDemo` (a JSON string holding a list of `{type, example}`), if it parses. */
export function jsonResponseExample(demo: unknown, ctx: SchemaContext): unknown {
  if (typeof demo !== "string" || demo.trim() === "") return undefined;
  try {
    const list = JSON.parse(demo) as { type?: string; example?: string }[];
    const json = Array.isArray(list) ? list.find((d) => d.type === "json" && typeof d.example === "string" && d.example.trim() !== "") : undefined;
    return json === undefined ? undefined : (JSON.parse(json.example!) as unknown);
  } catch {
    ctx.sink.report("response example", "the JSON example does not parse; no response example");
    return undefined;
  }
}

/**
 * Error codes by the HTTP status they are documented with. A code listed under several statuses stays
 * under each (the service answers it with either); one listed twice under the same status is kept once.
 * Codes under a 2xx or 3xx status are kept too: the reference lists them, the runtime never raises them.
 * Messages written in Chinese are Alibaba's prose and are left empty (the code is the fact).
 */
function convertErrorCodes(api: ApiDocsApi, ctx: SchemaContext): Record<string, SpecErrorCode[]> {
  const out: Record<string, SpecErrorCode[]> = {};
  let proseMessages = 0;
  for (const [status, list] of Object.entries(api.errorCodes ?? {}).sort(([a], [b]) => Number(a) - Number(b))) {
    if (!/^[1-5]\d\d$/.test(status)) {
      ctx.sink.report(`errorCodes/${status}`, `'${status}' is not an HTTP status; its codes are not mapped`);
      continue;
    }
    const codes: SpecErrorCode[] = [];
    for (const e of list) {
      if (typeof e.errorCode !== "string" || e.errorCode === "") {
        ctx.sink.report(`errorCodes/${status}`, "an entry without errorCode; not mapped");
        continue;
      }
      if (codes.some((c) => c.code === e.errorCode)) continue;
      const message = e.errorMessage ?? "";
      if (hasCjk(message)) proseMessages++;
      codes.push({ code: e.errorCode, message: hasCjk(message) ? "" : message });
    }
    if (codes.length > 0) out[status] = codes;
  }
  if (proseMessages > 0) ctx.sink.report("errorCodes", `${proseMessages} error message(s) in Chinese left empty (prose stays in the reference)`);
  return out;
}

/** The success response: raw bytes, a documented JSON body (object, array or text), no body, or unknown. */
function successResponse(api: ApiDocsApi, ctx: SchemaContext): SpecResponse {
  const statuses = Object.keys(api.responses ?? {}).filter((s) => /^2\d\d$/.test(s)).sort();
  const ok = api.responses?.[statuses[0] ?? "200"];
  if (statuses.length > 1) ctx.sink.report("responses", `several success statuses (${statuses.join(", ")}); the first one's body is mapped`);
  const binary = (api.produces ?? []).includes("application/octet-stream") || (ok?.schema?.type === "string" && ok.schema.format === "binary");
  if (binary) return { description: "The response body's bytes.", content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } };
  // Request-only metadata has no responses at all; the importer says so once for the product.
  if (ok === undefined) return { description: NO_RESPONSE_SCHEMA };
  const schema = ok.schema === undefined ? undefined : convertSchema(ok.schema, "responses/200/schema", ctx);
  // The full metadata lists the success response even when it has no body (`"200": {}`).
  if (schema === undefined) return { description: "The service answers with no body.", "x-acs-no-body": true };
  const content: NonNullable<NonNullable<SpecResponse["content"]>["application/json"]> = { schema };
  const example = jsonResponseExample(api.responseDemo, ctx);
  const misfit = example === undefined ? [] : misfits(schema, example, "example");
  if (misfit.length > 0) ctx.sink.report("response example", `does not fit the response schema (${misfit[0]}); not kept`);
  else if (example !== undefined && !containsCjk(example)) content.example = example;
  return { description: "OK", content: { "application/json": content } };
}

/** The operation's responses; the caller's sink receives what could not be mapped. */
export function convertResponses(api: ApiDocsApi, ctx: SchemaContext): Record<string, SpecResponse> {
  const responses: Record<string, SpecResponse> = { "200": successResponse(api, ctx) };
  for (const status of Object.keys(api.responses ?? {})) {
    if (!/^2\d\d$/.test(status)) ctx.sink.report(`responses/${status}`, "only the success response's schema is mapped (errors share one shape)");
  }
  for (const [status, codes] of Object.entries(convertErrorCodes(api, ctx))) {
    if (status === "200") responses["200"] = { ...responses["200"]!, "x-acs-error-codes": codes };
    else responses[status] = { description: `Errors answered with HTTP ${status}.`, "x-acs-error-codes": codes };
  }
  return responses;
}
