import { ValidationError } from "../errors/ValidationError.js";
import type { OperationDescriptor, SchemaDescriptor } from "../operation.js";
import { processShared } from "../platform/processShared.js";
import { snapshotInput } from "./snapshotInput.js";

const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
// Without the u flag this matches either half of a pair too: any string that needs counting by code point.
const SURROGATE_UNIT = /[\uD800-\uDFFF]/;

/** Length in characters (code points), as the service counts; avoids building an array when all are BMP. */
function codePointLength(s: string): number {
  return SURROGATE_UNIT.test(s) ? [...s].length : s.length;
}

// One cache per process, shared by the ESM and CJS builds when both are loaded.
const patternCache = /* @__PURE__ */ processShared("validate-patterns/1", () => new Map<string, RegExp | null>());

/**
 * The spec's pattern as a RegExp, or null when it cannot be compiled. Specs come from Alibaba's metadata and
 * some patterns are written for other regex dialects (e.g. `[\w-.]`, invalid with the `u` flag): those are
 * tried without `u`, and if still invalid the check is skipped, since the service validates again anyway and a
 * SyntaxError from inside the SDK would fail every call to that operation.
 */
function compiledPattern(pattern: string): RegExp | null {
  let re = patternCache.get(pattern);
  if (re === undefined) {
    re = tryRegExp(pattern, "u") ?? tryRegExp(pattern, "");
    patternCache.set(pattern, re);
  }
  return re;
}

function tryRegExp(pattern: string, flags: string): RegExp | null {
  try {
    return new RegExp(pattern, flags);
  } catch {
    return null;
  }
}

/**
 * Checks an operation's input against its descriptor and throws a {@link ValidationError} naming the
 * first bad field. Runs before any I/O, so a rejected call sends nothing. Unknown top-level parameters
 * are rejected too: silently dropping a misspelt parameter would send a different request than meant.
 */
export function validateInput(op: OperationDescriptor, input: unknown): void {
  validatedInput(op, input);
}

/**
 * The call's own copy of `input` ({@link snapshotInput}: own properties only, read once, bounded), checked
 * against the descriptor: what a call validates is then exactly what it serializes and sends.
 */
export function validatedInput(op: OperationDescriptor, input: unknown): Record<string, unknown> {
  const snapshot = snapshotInput(op.action, input);
  checkParameters(op, snapshot);
  return snapshot;
}

function checkParameters(op: OperationDescriptor, record: Readonly<Record<string, unknown>>): void {
  const known = new Set<string>();
  for (const param of op.parameters) {
    known.add(param.name);
    const value = record[param.name];
    if (value === undefined) {
      if (param.required) throw new ValidationError(op.action, param.name, "is required");
      continue;
    }
    checkValue(op.action, param.name, param.schema, value);
    if (param.in === "header") checkHeaderValue(op.action, param.name, value);
  }
  for (const key of Object.keys(record)) {
    if (!known.has(key)) throw new ValidationError(op.action, key, "is not a parameter of this operation");
  }
  // An empty token would go out on every attempt and dedupe nothing, while the call counted as idempotent.
  // Refused rather than replaced: a caller who passes a token means to reuse it, and "" is a bug upstream
  // (an unset variable) that a silently generated token would hide.
  const token = op.idempotencyToken;
  if (token !== undefined && record[token] === "") throw new ValidationError(op.action, token, "must not be empty (leave it out and the runtime generates one)");
}

/** Characters an HTTP header value can carry (RFC 9110 field-vchar, SP, HTAB, obs-text), as Node enforces. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

function checkHeaderValue(action: string, name: string, value: unknown): void {
  // Objects are serialized (JSON or joined) before they become a header: check what would be sent.
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  if (!HEADER_VALUE.test(text)) throw new ValidationError(action, name, "is sent as an HTTP header and cannot carry line breaks, control or non-Latin-1 characters");
}

function checkValue(action: string, path: string, schema: SchemaDescriptor, value: unknown): void {
  const fail = (reason: string): never => {
    throw new ValidationError(action, path, reason);
  };
  if (value === null) fail("must not be null (omit the field instead)");
  switch (schema.type) {
    case "string": {
      if (schema.format === "binary" && value instanceof Uint8Array) break;
      if (typeof value !== "string") fail(`must be a string${schema.format === "binary" ? " or a Uint8Array" : ""}, got ${typeof value}`);
      const s = value as string;
      // A lone surrogate has no UTF-8 form: percent-encoding it would throw a URIError mid-request.
      if (LONE_SURROGATE.test(s)) fail("must be well-formed Unicode (it contains a lone surrogate)");
      if (schema.minLength !== undefined || schema.maxLength !== undefined) {
        const length = codePointLength(s);
        if (schema.minLength !== undefined && length < schema.minLength) fail(`must be at least ${schema.minLength} characters`);
        if (schema.maxLength !== undefined && length > schema.maxLength) fail(`must be at most ${schema.maxLength} characters`);
      }
      if (schema.pattern !== undefined && compiledPattern(schema.pattern)?.test(s) === false) fail(`must match ${schema.pattern}`);
      break;
    }
    case "integer":
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value)) fail("must be a finite number");
      const n = value as number;
      if (schema.type === "integer" && !Number.isSafeInteger(n)) fail("must be an integer");
      if (schema.minimum !== undefined && n < schema.minimum) fail(`must be ≥ ${schema.minimum}`);
      if (schema.maximum !== undefined && n > schema.maximum) fail(`must be ≤ ${schema.maximum}`);
      break;
    }
    case "boolean":
      if (typeof value !== "boolean") fail(`must be a boolean, got ${typeof value}`);
      break;
    case "array": {
      if (!Array.isArray(value)) fail("must be an array");
      const items = value as unknown[];
      if (schema.minItems !== undefined && items.length < schema.minItems) fail(`must have at least ${schema.minItems} items`);
      if (schema.maxItems !== undefined && items.length > schema.maxItems) fail(`must have at most ${schema.maxItems} items`);
      if (schema.items) items.forEach((item, i) => checkValue(action, `${path}[${i}]`, schema.items!, item));
      break;
    }
    case "object": {
      if (typeof value !== "object" || Array.isArray(value) || value instanceof Uint8Array) fail("must be an object");
      const obj = value as Record<string, unknown>;
      for (const name of schema.required ?? []) {
        if (obj[name] === undefined) throw new ValidationError(action, `${path}.${name}`, "is required");
      }
      if (schema.properties || schema.additionalProperties) {
        for (const [key, v] of Object.entries(obj)) {
          if (v === undefined) continue;
          const sub = schema.properties !== undefined && Object.hasOwn(schema.properties, key) ? schema.properties[key] : schema.additionalProperties;
          if (!sub) throw new ValidationError(action, `${path}.${key}`, "is not a known field");
          if (sub !== true) checkValue(action, `${path}.${key}`, sub, v);
        }
      }
      break;
    }
  }
  if (schema.enum !== undefined && !schema.enum.includes(value as string | number | boolean)) {
    fail(`must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(", ")}`);
  }
}
