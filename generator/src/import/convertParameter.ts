// Converts one api-docs parameter into an OpenAPI parameter of our spec format. OpenAPI 3 has no body,
// form-field or host parameter, so those are declared `in: query` (they are typed like the others) with
// `x-acs-in` naming where they really travel (specs/README.md).
import type { SpecParameter } from "../spec/types.js";
import type { ApiDocsParameter } from "./apiDocs.js";
import { convertSchema, isRequiredFlag, type SchemaContext } from "./convertSchema.js";
import { containsCjk } from "./prose.js";
import { RefusedOperation } from "./RefusedOperation.js";

const STYLES = new Set(["flat", "repeatList", "json", "simple"]);
/** `examples` is documentation (the schema's `example` is kept); the rest is handled below. */
const PARAMETER_KEYS = new Set(["name", "in", "style", "schema", "allowEmptyValue", "examples"]);
/** Parameter names our spec format (and a TypeScript property) can carry. */
const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * The parameter, or `undefined` when an optional one cannot be represented (always reported, never
 * silent). A required parameter that cannot be represented refuses the operation ({@link RefusedOperation}):
 * sending the request without it would be wrong.
 */
export function convertParameter(src: ApiDocsParameter, ctx: SchemaContext): SpecParameter | undefined {
  const at = `parameters/${String(src.name)}`;
  const required = src.schema !== undefined && isRequiredFlag(src.schema);
  const cannot = (why: string): undefined => {
    if (required) throw new RefusedOperation(`required parameter ${JSON.stringify(src.name)}: ${why}`);
    ctx.sink.report(at, `NOT IMPORTED: ${why}`);
    return undefined;
  };
  if (typeof src.name !== "string" || !NAME.test(src.name)) return cannot(`the name ${JSON.stringify(src.name)} is not a valid parameter name`);
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
    case "host":
      location = "query";
      wireIn = src.in;
      break;
    default:
      return cannot(`location '${String(src.in)}' is not sent by this runtime`);
  }
  if (src.style !== undefined && !STYLES.has(src.style)) {
    // An encoding we do not implement (e.g. `xml`) would send the value in another form than the service reads.
    throw new RefusedOperation(`parameter '${src.name}' uses the '${src.style}' style, which this runtime does not encode`);
  }
  const schema = src.schema === undefined ? undefined : convertSchema(src.schema, `${at}/schema`, ctx);
  if (schema === undefined) ctx.sink.report(`${at}/schema`, "no usable schema; typed as string");
  const typed = schema ?? { type: "string" as const };
  const out: SpecParameter = { name: src.name, in: location, schema: typed };
  if (wireIn !== undefined) out["x-acs-in"] = wireIn;
  out.required = required;
  // The example belongs to the parameter in OpenAPI; keeping it once avoids duplicate docs.
  if (typed.example !== undefined) {
    if (!containsCjk(typed.example)) out.example = typed.example;
    delete typed.example;
  }
  if (typed.deprecated === true) {
    out.deprecated = true;
    delete typed.deprecated;
  }
  if (src.style !== undefined) out["x-acs-serialization"] = src.style as NonNullable<SpecParameter["x-acs-serialization"]>;
  if (src.allowEmptyValue === true) ctx.sink.report(`${at}/allowEmptyValue`, "allowEmptyValue is not mapped (empty strings are sent as given)");
  for (const key of Object.keys(src)) {
    if (!PARAMETER_KEYS.has(key)) ctx.sink.report(`${at}/${key}`, `parameter field '${key}' is not mapped`);
  }
  return ordered(out);
}

/** Key order of the hand-written specs, so that imported files read the same way. */
const KEY_ORDER = ["name", "in", "x-acs-in", "required", "description", "deprecated", "schema", "example", "x-acs-serialization"] as const;

export function ordered(p: SpecParameter): SpecParameter {
  const out: Record<string, unknown> = {};
  for (const k of KEY_ORDER) if (p[k] !== undefined) out[k] = p[k];
  return out as unknown as SpecParameter;
}
