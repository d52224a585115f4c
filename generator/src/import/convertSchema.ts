// Converts one api-docs schema into our spec schema (generator/schema/operation.schema.json, "schema").
// Alibaba's metadata is close to OpenAPI's Schema Object, with three differences handled here:
// numbers as strings, `required: true` on the field itself instead of a list on the parent, and `$ref`
// into `components.schemas`, which we inline because every spec file stands alone.
import type { SpecSchema } from "../spec/types.js";
import type { ApiDocsSchema } from "./apiDocs.js";
import { toCount, toNumber, toTyped } from "./convertValue.js";
import type { IssueSink } from "./ImportReport.js";
import { containsCjk } from "./prose.js";

/** What the converters share while walking one operation. */
export interface SchemaContext {
  readonly sink: IssueSink;
  readonly components: Readonly<Record<string, ApiDocsSchema>>;
}

const TYPES = new Set(["string", "integer", "number", "boolean", "object", "array"]);
const COUNTS = ["minLength", "maxLength", "minItems", "maxItems"] as const;
/**
 * Keys that carry no meaning for the generated code, so dropping them is not worth a report line: the
 * documentation-page flags (`doc…`, such as docRequired, which only says whether the reference page marks a
 * field required) and OpenAPI's presentation keywords.
 */
const DOC_ONLY = new Set(["xml", "readOnly", "writeOnly", "externalDocs", "exclusive", "title", "description", "enumValueTitles", "examples"]);
const isDocOnly = (key: string): boolean => DOC_ONLY.has(key) || /^doc[A-Z]/.test(key);
const HANDLED = new Set([
  "type", "format", "required", "enum", "default", "example", "pattern",
  "minimum", "maximum", ...COUNTS, "items", "properties", "additionalProperties", "deprecated", "$ref",
]);

/** True when the metadata marks the field itself as required (`required: true` or `"true"`). */
export function isRequiredFlag(schema: ApiDocsSchema): boolean {
  return schema.required === true || schema.required === "true";
}

function resolveRef(src: ApiDocsSchema, at: string, ctx: SchemaContext, seen: ReadonlySet<string>): ApiDocsSchema | undefined {
  const ref = src.$ref;
  if (ref === undefined) return src;
  const name = /^#\/components\/schemas\/(.+)$/.exec(ref)?.[1];
  const target = name === undefined ? undefined : ctx.components[name];
  if (target === undefined) {
    ctx.sink.report(at, `$ref '${ref}' names no schema in components.schemas`);
    return undefined;
  }
  if (seen.has(ref)) {
    ctx.sink.report(at, `$ref '${ref}' is recursive; typed as an object with unknown fields`);
    return { type: "object" };
  }
  // Fields written next to a $ref (description, required) describe the use site and win.
  const { $ref: _ignored, ...local } = src;
  return { ...target, ...local };
}

function inferType(src: ApiDocsSchema): string | undefined {
  if (typeof src.type === "string") return src.type;
  if (src.properties !== undefined || src.additionalProperties !== undefined) return "object";
  if (src.items !== undefined) return "array";
  return undefined;
}

/**
 * Converts `src` (at location `at`, for reports). Returns `undefined` only when the schema has no usable
 * type at all; the caller reports what that means for its field. `seen` guards against recursive `$ref`s.
 */
export function convertSchema(src: ApiDocsSchema, at: string, ctx: SchemaContext, seen: ReadonlySet<string> = new Set()): SpecSchema | undefined {
  const resolved = resolveRef(src, at, ctx, seen);
  if (resolved === undefined) return undefined;
  const nextSeen = src.$ref !== undefined ? new Set([...seen, src.$ref]) : seen;
  const type = inferType(resolved);
  if (type === undefined || !TYPES.has(type)) {
    ctx.sink.report(`${at}/type`, type === undefined ? "no type" : `unsupported type '${type}'`);
    return undefined;
  }
  const out: SpecSchema = { type: type as SpecSchema["type"] };
  if (typeof resolved.format === "string" && resolved.format !== "") out.format = resolved.format;
  // Titles and descriptions are Alibaba's prose: specs keep facts only (import/prose.ts).
  if (resolved.deprecated === true) out.deprecated = true;
  if (typeof resolved.pattern === "string" && resolved.pattern !== "") {
    try {
      new RegExp(resolved.pattern, "u");
      out.pattern = resolved.pattern;
    } catch {
      ctx.sink.report(`${at}/pattern`, `not a valid (Unicode) regular expression, not mapped: ${resolved.pattern}`);
    }
  }
  for (const key of ["minimum", "maximum"] as const) {
    if (resolved[key] === undefined) continue;
    const n = toNumber(resolved[key]);
    if (n === undefined) ctx.sink.report(`${at}/${key}`, `not a number (${JSON.stringify(resolved[key])}), not mapped`);
    else out[key] = n;
  }
  for (const key of COUNTS) {
    if (resolved[key] === undefined) continue;
    const n = toCount(resolved[key]);
    if (n === undefined) ctx.sink.report(`${at}/${key}`, `not a count (${JSON.stringify(resolved[key])}), not mapped`);
    else out[key] = n;
  }
  convertScalars(resolved, out, at, ctx);
  if (type === "array") {
    const items = resolved.items === undefined ? undefined : convertSchema(resolved.items, `${at}/items`, ctx, nextSeen);
    if (items === undefined) ctx.sink.report(`${at}/items`, "array without usable items; items typed as string");
    out.items = items ?? { type: "string" };
  }
  if (resolved.properties !== undefined) convertProperties(resolved, out, at, ctx, nextSeen);
  if (typeof resolved.additionalProperties === "boolean") out.additionalProperties = resolved.additionalProperties;
  else if (resolved.additionalProperties !== undefined) {
    const extra = convertSchema(resolved.additionalProperties, `${at}/additionalProperties`, ctx, nextSeen);
    out.additionalProperties = extra ?? true;
  }
  for (const key of Object.keys(resolved)) {
    if (!HANDLED.has(key) && !isDocOnly(key)) ctx.sink.report(`${at}/${key}`, `schema keyword '${key}' is not mapped`);
  }
  return out;
}

/** enum, default and example, converted to the schema's type (the metadata writes `"20"` for 20). */
function convertScalars(src: ApiDocsSchema, out: SpecSchema, at: string, ctx: SchemaContext): void {
  const scalar = out.type !== "object" && out.type !== "array";
  if (src.enum !== undefined) {
    const values = scalar ? src.enum.map((v) => toTyped(out.type, v)) : [];
    const kept = values.filter((v): v is string | number | boolean => v !== undefined);
    if (kept.length !== src.enum.length) ctx.sink.report(`${at}/enum`, `values that are not ${out.type}s, enum not mapped: ${JSON.stringify(src.enum)}`);
    else if (kept.length > 0) out.enum = [...new Set(kept)];
  }
  for (const key of ["default", "example"] as const) {
    const raw = src[key];
    if (raw === undefined || raw === "") continue;
    const value = scalar ? toTyped(out.type, raw) : undefined;
    // An example that does not fit its type is documentation only; a default that does not is worth a line.
    // An example written in Chinese is prose, not a value a caller would send.
    if (value !== undefined && !(key === "example" && containsCjk(value))) out[key] = value;
    else if (key === "default") ctx.sink.report(`${at}/default`, `${JSON.stringify(raw)} is not a ${out.type}, not mapped`);
  }
}

function convertProperties(src: ApiDocsSchema, out: SpecSchema, at: string, ctx: SchemaContext, seen: ReadonlySet<string>): void {
  const properties: Record<string, SpecSchema> = {};
  const required: string[] = Array.isArray(src.required) ? src.required.filter((r): r is string => typeof r === "string") : [];
  for (const [name, sub] of Object.entries(src.properties ?? {})) {
    const converted = convertSchema(sub, `${at}/properties/${name}`, ctx, seen);
    if (converted === undefined) {
      ctx.sink.report(`${at}/properties/${name}`, "typed as an object with unknown fields");
      properties[name] = { type: "object" };
    } else {
      properties[name] = converted;
    }
    if (isRequiredFlag(sub) && !required.includes(name)) required.push(name);
  }
  out.properties = properties;
  if (required.length > 0) out.required = required;
}
