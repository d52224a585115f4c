// Converts one api-docs parameter into an OpenAPI parameter of our spec format. OpenAPI 3 has no form-field
// or RPC-body parameter, so `formData` and `body` parameters are declared `in: query` (they are typed like
// query parameters) with `x-acs-in` naming where they really travel (specs/README.md).
import type { SpecParameter } from "../spec/types.js";
import type { ApiDocsParameter } from "./apiDocs.js";
import { convertSchema, isRequiredFlag, type SchemaContext } from "./convertSchema.js";

const STYLES = new Set(["flat", "repeatList", "json", "simple"]);
const PARAMETER_KEYS = new Set(["name", "in", "style", "schema", "allowEmptyValue"]);
/** Parameter names our spec format (and a TypeScript property) can carry. */
const NAME = /^[A-Za-z][A-Za-z0-9_.-]*$/;

/** The parameter, or `undefined` when it cannot be represented (always reported, never silent). */
export function convertParameter(src: ApiDocsParameter, ctx: SchemaContext): SpecParameter | undefined {
  const at = `parameters/${src.name}`;
  if (typeof src.name !== "string" || !NAME.test(src.name)) {
    ctx.sink.report(at, `NOT IMPORTED: the name ${JSON.stringify(src.name)} is not a valid parameter name`);
    return undefined;
  }
  let location: SpecParameter["in"];
  let wireIn: SpecParameter["x-acs-in"];
  switch (src.in) {
    case "query":
    case "path":
    case "header":
      location = src.in;
      break;
    case "body":
    case "formData":
      location = "query";
      wireIn = src.in;
      break;
    default:
      ctx.sink.report(`${at}/in`, `NOT IMPORTED: unknown location '${String(src.in)}'`);
      return undefined;
  }
  const schema = src.schema === undefined ? undefined : convertSchema(src.schema, `${at}/schema`, ctx);
  if (schema === undefined) {
    ctx.sink.report(`${at}/schema`, "no usable schema; typed as string");
  }
  const typed = schema ?? { type: "string" as const };
  const out: SpecParameter = { name: src.name, in: location, schema: typed };
  if (wireIn !== undefined) out["x-acs-in"] = wireIn;
  let required = src.schema !== undefined && isRequiredFlag(src.schema);
  if (location === "path" && !required) {
    ctx.sink.report(`${at}/required`, "a path parameter is always required; marked required");
    required = true;
  }
  out.required = required;
  // The description and example belong to the parameter in OpenAPI; keeping them once avoids duplicate docs.
  if (typed.description !== undefined) {
    out.description = typed.description;
    delete typed.description;
  }
  if (typed.example !== undefined) {
    out.example = typed.example;
    delete typed.example;
  }
  if (typed.deprecated === true) {
    out.deprecated = true;
    delete typed.deprecated;
  }
  if (src.style !== undefined) {
    if (STYLES.has(src.style)) out["x-acs-serialization"] = src.style as NonNullable<SpecParameter["x-acs-serialization"]>;
    else ctx.sink.report(`${at}/style`, `unknown style '${src.style}'; sent flat`);
  }
  if (src.allowEmptyValue === true) ctx.sink.report(`${at}/allowEmptyValue`, "allowEmptyValue is not mapped (empty strings are sent as given)");
  for (const key of Object.keys(src)) {
    if (!PARAMETER_KEYS.has(key)) ctx.sink.report(`${at}/${key}`, `parameter field '${key}' is not mapped`);
  }
  return out;
}
