// Generates one value from a parameter schema, valid for it (our runtime validates inputs before sending, so an
// invalid value would be a ValidationError, not a comparison), and otherwise as hostile to encoders as the
// schema allows: reserved URI characters, `%`, `+`, spaces, `'`, CJK and an astral emoji.
import { createRequire } from "node:module";
import type RandExpClass from "randexp";
import type { ParamSchema } from "../metadata/loadMetadata.js";
import type { Prng } from "./prng.js";

// randexp is CommonJS with `module.exports = RandExp`, while its types declare an ES default export: load it
// the way Node does, so types and runtime agree.
const RandExp = createRequire(import.meta.url)("randexp") as typeof RandExpClass.default;

/** The string every free-form string field starts from. */
export const TRICKY = "a b+c*d!e'f(g)h~i/j=k&l%m中😀";
/** The same without non-ASCII characters, for HTTP header values (Node rejects other header bytes). */
export const TRICKY_ASCII = "a b+c*d!e'f(g)h~i/j=k&l%m";

/** How much of a schema to fill. */
export interface GenerateOptions {
  /** `all`: every optional field too; `required`: required fields only. */
  readonly fill: "all" | "required";
  /** ASCII-only strings (header values). */
  readonly ascii?: boolean;
  /** Distinguishes the fields of one input, so a value sent under the wrong name shows. */
  readonly counter: { n: number };
}

/** Code points, as the runtime's validator counts length. */
function codePoints(s: string): string[] {
  return [...s];
}

function fitLength(s: string, schema: ParamSchema): string {
  let chars = codePoints(s);
  if (schema.maxLength !== undefined && chars.length > schema.maxLength) chars = chars.slice(0, schema.maxLength);
  const min = schema.minLength ?? 0;
  while (chars.length < min) chars.push("x");
  return chars.join("");
}

function compile(pattern: string): RegExp | undefined {
  for (const flags of ["u", ""]) {
    try {
      return new RegExp(pattern, flags);
    } catch {
      // Alibaba's patterns are written for other dialects at times; try without `u`.
    }
  }
  return undefined;
}

/** A string matching `pattern` (and the length limits), drawn with randexp from our PRNG. */
function patternString(schema: ParamSchema, prng: Prng): string {
  const re = compile(schema.pattern!);
  if (!re) return fitLength(TRICKY_ASCII, schema);
  const gen = new RandExp(re);
  gen.max = 6;
  gen.randInt = (a: number, b: number) => prng.int(a, b);
  for (let tries = 0; tries < 50; tries++) {
    const s = gen.gen();
    const n = codePoints(s).length;
    if (re.test(s) && n >= (schema.minLength ?? 0) && (schema.maxLength === undefined || n <= schema.maxLength)) return s;
  }
  throw new Error(`no string of length ${schema.minLength ?? 0}..${schema.maxLength ?? "∞"} matching /${schema.pattern}/ found in 50 draws`);
}

function stringValue(schema: ParamSchema, prng: Prng, options: GenerateOptions): string {
  if (schema.enum) return String(prng.pick(schema.enum));
  if (schema.pattern !== undefined) return patternString(schema, prng);
  const base = options.ascii ? TRICKY_ASCII : TRICKY;
  return fitLength(`${base}-${options.counter.n++}`, schema);
}

function integerValue(schema: ParamSchema, prng: Prng): number {
  if (schema.enum) return Number(prng.pick(schema.enum));
  const min = schema.minimum !== undefined ? Math.ceil(schema.minimum) : undefined;
  const max = schema.maximum !== undefined ? Math.floor(schema.maximum) : undefined;
  const lo = min ?? (max !== undefined ? max - 1000 : 1);
  const hi = max ?? lo + 1000;
  return prng.int(lo, hi);
}

function numberValue(schema: ParamSchema, prng: Prng): number {
  if (schema.enum) return Number(prng.pick(schema.enum));
  // Quarters are exact in binary, and a fraction shows whether a number is sent as a number.
  const lo = schema.minimum ?? 0;
  const hi = schema.maximum ?? lo + 100;
  const quarters = Math.floor((hi - lo) * 4);
  return quarters > 0 ? lo + prng.int(1, quarters) / 4 : lo;
}

/** Bytes for a binary body: NUL, bytes that are not UTF-8, and UTF-8 text. */
export function binaryValue(counter: { n: number }): Buffer {
  return Buffer.concat([Buffer.from([0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff]), Buffer.from(`${TRICKY}-${counter.n++}`, "utf8")]);
}

/** A value for `schema`; `undefined` only for a `$ref` cycle the metadata cannot express as data. */
export function generateValue(schema: ParamSchema, prng: Prng, options: GenerateOptions): unknown {
  if (schema.cyclic) return undefined;
  switch (schema.type) {
    case "string":
      return schema.format === "binary" ? binaryValue(options.counter) : stringValue(schema, prng, options);
    case "integer":
      return integerValue(schema, prng);
    case "number":
      return numberValue(schema, prng);
    case "boolean":
      return prng.next() < 0.5;
    case "array": {
      const min = schema.minItems ?? 0;
      const max = schema.maxItems ?? Infinity;
      const count = Math.max(min, Math.min(options.fill === "all" ? 2 : 1, max));
      const items: unknown[] = [];
      for (let i = 0; i < count; i++) {
        const item = generateValue(schema.items ?? { type: "string" }, prng, options);
        if (item !== undefined) items.push(item);
      }
      return items;
    }
    case "object":
    case undefined: {
      const out: Record<string, unknown> = {};
      const required = new Set(schema.required ?? []);
      if (schema.properties) {
        for (const [name, sub] of Object.entries(schema.properties)) {
          if (options.fill === "required" && !required.has(name)) continue;
          // An idempotency token inside a body (CS: `clientToken`): ASCII, as the service requires.
          const value = name.toLowerCase() === "clienttoken" && sub.type === "string" ? `wire-token-${options.counter.n++}` : generateValue(sub, prng, options);
          if (value !== undefined) out[name] = value;
        }
      } else if (schema.additionalProperties) {
        for (const key of ["key1", "key 2+"]) out[key] = generateValue(schema.additionalProperties, prng, options);
      } else if (schema.type === "object") {
        // A free-form object: the metadata says nothing about its fields.
        out.key1 = `${options.ascii ? TRICKY_ASCII : TRICKY}-${options.counter.n++}`;
        out["key 2+"] = prng.int(1, 100);
      }
      return out;
    }
    default:
      // `any` and other untyped leaves: a string.
      return `${options.ascii ? TRICKY_ASCII : TRICKY}-${options.counter.n++}`;
  }
}
