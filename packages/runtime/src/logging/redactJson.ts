import type { SchemaDescriptor } from "../operation.js";
import { REDACTED } from "./redactHeaders.js";
import { isSafeSchema, schemaAt } from "./safeSchema.js";
import type { Scrub } from "./scrubber.js";

/** Deeper than this, an object is summarised as `<object>`: a log line shows the shape, not the whole tree. */
const MAX_DEPTH = 4;

/**
 * A request's JSON value with every scalar the schema does not prove safe (see isSafeSchema) replaced by
 * `<redacted>`. Object keys are kept (they show the shape), lists are summarised by their length.
 */
export function redactRequestJson(value: unknown, schema: SchemaDescriptor | undefined, depth = 0): unknown {
  if (Array.isArray(value)) return `<${value.length} items>`;
  if (typeof value === "object" && value !== null) {
    if (depth >= MAX_DEPTH) return "<object>";
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, redactRequestJson(v, schemaAt(schema, [key]), depth + 1)]));
  }
  return isSafeScalar(value, schema) ? value : REDACTED;
}

/** A scalar is printed when its schema is safe and it is what the schema says (validation made sure of that). */
function isSafeScalar(value: unknown, schema: SchemaDescriptor | undefined): boolean {
  if (!isSafeSchema(schema)) return false;
  if (schema?.enum !== undefined && schema.enum.length > 0) return schema.enum.includes(value as string | number | boolean);
  return typeof value === "number" || typeof value === "boolean";
}

/**
 * Top-level fields of an answer whose string values are printed (names compared in lower case): the request
 * id and the error fields. They are printed scrubbed (see wireLog): a server may echo the input in an error
 * message, a credential included.
 */
const SHOWN_STRINGS = new Set(["requestid", "code", "errorcode", "message", "errormessage", "hostid", "recommend"]);

/**
 * An answer's JSON value as a debug log prints it. Answers have no schema here, so the rule is by type:
 * numbers, booleans and null are printed; strings only in the top-level fields above; lists are
 * summarised by their length; every other string is `<redacted>` (an answer may carry a secret: a
 * kubeconfig, a new AccessKey, an instance password).
 */
export function redactResponseJson(value: unknown, scrubMessage: Scrub, depth = 0): unknown {
  if (Array.isArray(value)) return `<${value.length} items>`;
  if (typeof value === "object" && value !== null) {
    if (depth >= MAX_DEPTH) return "<object>";
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => {
        if (depth === 0 && typeof v === "string" && SHOWN_STRINGS.has(key.toLowerCase())) return [key, scrubMessage(v)];
        return [key, redactResponseJson(v, scrubMessage, depth + 1)];
      }),
    );
  }
  return typeof value === "string" ? REDACTED : value;
}
