// Converts `responses`, `errorCodes` and `responseDemo` into our responses object: a 200 with an
// application/json schema and example, and one response per error status carrying x-acs-error-codes.
import type { SpecErrorCode, SpecResponse } from "../spec/types.js";
import type { ApiDocsApi } from "./apiDocs.js";
import { convertSchema, type SchemaContext } from "./convertSchema.js";

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

function convertErrorCodes(api: ApiDocsApi, ctx: SchemaContext): Record<string, SpecResponse> {
  const out: Record<string, SpecResponse> = {};
  const seen = new Map<string, string>();
  for (const [status, list] of Object.entries(api.errorCodes ?? {}).sort(([a], [b]) => Number(a) - Number(b))) {
    if (!/^[45]\d\d$/.test(status)) {
      const codes = list.map((e) => e.errorCode).join(", ");
      ctx.sink.report(`errorCodes/${status}`, `codes listed under HTTP ${status} are not errors (2xx is success); not mapped: ${codes}`);
      continue;
    }
    const codes: SpecErrorCode[] = [];
    for (const e of list) {
      if (typeof e.errorCode !== "string" || e.errorCode === "") {
        ctx.sink.report(`errorCodes/${status}`, "an entry without errorCode; not mapped");
        continue;
      }
      const first = seen.get(e.errorCode);
      if (first !== undefined) {
        ctx.sink.report(`errorCodes/${status}/${e.errorCode}`, `also listed under HTTP ${first}; kept there only`);
        continue;
      }
      seen.set(e.errorCode, status);
      const code: SpecErrorCode = { code: e.errorCode, message: e.errorMessage ?? "" };
      if (typeof e.description === "string" && e.description !== "") code.description = e.description;
      codes.push(code);
    }
    if (codes.length > 0) out[status] = { description: `Errors answered with HTTP ${status}.`, "x-acs-error-codes": codes };
  }
  return out;
}

/** The operation's responses; the caller's sink receives what could not be mapped. */
export function convertResponses(api: ApiDocsApi, ctx: SchemaContext): Record<string, SpecResponse> {
  const responses: Record<string, SpecResponse> = {};
  const ok = api.responses?.["200"];
  const schema = ok?.schema === undefined ? undefined : convertSchema(ok.schema, "responses/200/schema", ctx);
  if (schema === undefined) {
    ctx.sink.report("responses/200", "no response schema in the metadata; output typed Record<string, unknown>");
    responses["200"] = { description: NO_RESPONSE_SCHEMA };
  } else {
    const example = jsonResponseExample(api.responseDemo, ctx);
    const content: NonNullable<SpecResponse["content"]>["application/json"] = { schema };
    if (example !== undefined) content.example = example;
    responses["200"] = { description: "OK", content: { "application/json": content } };
  }
  for (const status of Object.keys(api.responses ?? {})) {
    if (status !== "200") ctx.sink.report(`responses/${status}`, "only the 200 response schema is mapped");
  }
  return { ...responses, ...convertErrorCodes(api, ctx) };
}
