// fast-check arbitraries built from an operation descriptor's parameter schemas. They produce only inputs
// that our validator accepts (the point is to compare wire formats, not validation), but otherwise lean
// hard on the characters signing gets wrong: reserved URI characters, `%`, `+`, spaces, unicode.
import fc from "fast-check";
import type { OperationDescriptor, SchemaDescriptor } from "../../src/operation.js";

/** Characters that percent-encoding implementations disagree on, plus non-ASCII and whitespace. */
const TRICKY_CHARS = [
  " ", "*", "~", "+", "/", "%", "=", "&", "?", "#", "!", "'", "(", ")", ",", ";", ":", "@", "$", "[", "]",
  ".", "-", "_", "\t", "\n", "ü", "中", "€", "😀", "é", "%20", "%2A", "a", "Z", "0",
];
const ASCII_TRICKY = TRICKY_CHARS.filter((c) => /^[\x00-\x7F]+$/.test(c));

/** Code points, as the validator counts length. */
function length(s: string): number {
  return [...s].length;
}

function stringArbitrary(schema: SchemaDescriptor): fc.Arbitrary<string> {
  if (schema.enum) return fc.constantFrom(...schema.enum.map(String));
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength;
  const fits = (s: string): boolean => length(s) >= minLength && (maxLength === undefined || length(s) <= maxLength);
  if (schema.pattern !== undefined) {
    const re = new RegExp(schema.pattern, "u");
    // The one pattern the specs use today is "ASCII only"; give it the ASCII tricky set, and fall back to
    // fast-check's regex-driven generator for any other pattern.
    const candidates: fc.Arbitrary<string>[] = [fc.stringMatching(re)];
    if (re.test("*~ +/%=&")) {
      candidates.push(fc.string({ unit: fc.constantFrom(...ASCII_TRICKY), maxLength: maxLength ?? 40 }));
      candidates.push(fc.string({ unit: "binary-ascii", maxLength: maxLength ?? 40 }));
    }
    return fc.oneof(...candidates).filter((s) => re.test(s) && fits(s));
  }
  // "Long" stays well under Node's 16 KiB request-header limit even after percent-encoding (×12 for emoji).
  const long = Math.min(maxLength ?? 300, 300);
  return fc
    .oneof(
      { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...TRICKY_CHARS), maxLength: Math.min(long, 40) }) },
      { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: Math.min(long, 40) }) },
      { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: Math.min(long, 20) }) },
      { weight: 1, arbitrary: fc.constant("") },
      { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...TRICKY_CHARS), minLength: long, maxLength: long }) },
    )
    .filter(fits);
}

function integerArbitrary(schema: SchemaDescriptor): fc.Arbitrary<number> {
  if (schema.enum) return fc.constantFrom(...schema.enum.map(Number));
  const min = schema.minimum ?? Number.MIN_SAFE_INTEGER;
  const max = schema.maximum ?? Number.MAX_SAFE_INTEGER;
  // Bounds are where off-by-one and formatting bugs live; weight them as much as uniform draws, and add
  // small values (the common case) when the range is wide.
  return fc.oneof(fc.constantFrom(min, max), fc.integer({ min, max }), fc.integer({ min: Math.max(min, -1000), max: Math.min(max, 1000) }));
}

function numberArbitrary(schema: SchemaDescriptor): fc.Arbitrary<number> {
  if (schema.enum) return fc.constantFrom(...schema.enum.map(Number));
  return fc.double({ noNaN: true, noDefaultInfinity: true, ...(schema.minimum !== undefined ? { min: schema.minimum } : {}), ...(schema.maximum !== undefined ? { max: schema.maximum } : {}) });
}

/** An arbitrary producing values that satisfy `schema`. */
export function schemaArbitrary(schema: SchemaDescriptor): fc.Arbitrary<unknown> {
  switch (schema.type) {
    case "string":
      return stringArbitrary(schema);
    case "integer":
      return integerArbitrary(schema);
    case "number":
      return numberArbitrary(schema);
    case "boolean":
      return fc.boolean();
    case "array":
      return fc.array(schemaArbitrary(schema.items ?? { type: "string" }), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
    case "object": {
      const properties = schema.properties ?? {};
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, sub] of Object.entries(properties)) model[name] = schemaArbitrary(sub);
      return fc.record(model, { requiredKeys: [...(schema.required ?? [])], noNullPrototype: true });
    }
  }
}

/**
 * Inputs for one operation: every required parameter, any subset of the optional ones. The idempotency
 * token is always given, and never empty, because our runtime fills a missing one with a random UUID and
 * refuses an empty one, and the official client does neither; those are deliberate behaviours of ours, not
 * wire-format questions.
 */
export function inputArbitrary(op: OperationDescriptor): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const required: string[] = [];
  for (const param of op.parameters) {
    const isToken = param.name === op.idempotencyToken;
    model[param.name] = schemaArbitrary(isToken ? { ...param.schema, minLength: Math.max(1, param.schema.minLength ?? 0) } : param.schema);
    if (param.required || isToken) required.push(param.name);
  }
  return fc.record(model, { requiredKeys: required, noNullPrototype: true });
}
