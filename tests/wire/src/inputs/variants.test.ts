import { describe, expect, it } from "vitest";
import { loadMetadata, metadataFile, type ParamSchema } from "../metadata/loadMetadata.js";
import { PRODUCTS } from "../products.js";
import { TRICKY, generateValue } from "./generateValue.js";
import { createPrng, prngFor } from "./prng.js";
import { DEFAULT_SEED, inStsSubset, variantsFor, coveredByStructured } from "./variants.js";

/** Why `value` does not satisfy `schema`, or undefined: an independent check of what the generator promises. */
function violation(schema: ParamSchema, value: unknown, path: string): string | undefined {
  if (schema.cyclic) return undefined;
  const len = (s: string) => [...s].length;
  switch (schema.type) {
    case "string": {
      if (schema.format === "binary") return Buffer.isBuffer(value) ? undefined : `${path}: not bytes`;
      if (typeof value !== "string") return `${path}: not a string`;
      if (schema.enum && !schema.enum.map(String).includes(value)) return `${path}: not in enum`;
      if (schema.minLength !== undefined && len(value) < schema.minLength) return `${path}: shorter than ${schema.minLength}`;
      if (schema.maxLength !== undefined && len(value) > schema.maxLength) return `${path}: longer than ${schema.maxLength}`;
      if (schema.pattern !== undefined && !new RegExp(schema.pattern, "u").test(value)) return `${path}: does not match ${schema.pattern}`;
      return undefined;
    }
    case "integer":
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) return `${path}: not a number`;
      if (schema.type === "integer" && !Number.isSafeInteger(value)) return `${path}: not an integer`;
      if (schema.enum && !schema.enum.map(Number).includes(value)) return `${path}: not in enum`;
      if (schema.minimum !== undefined && value < schema.minimum) return `${path}: below ${schema.minimum}`;
      if (schema.maximum !== undefined && value > schema.maximum) return `${path}: above ${schema.maximum}`;
      return undefined;
    case "boolean":
      return typeof value === "boolean" ? undefined : `${path}: not a boolean`;
    case "array": {
      if (!Array.isArray(value)) return `${path}: not an array`;
      if (schema.minItems !== undefined && value.length < schema.minItems) return `${path}: fewer than ${schema.minItems} items`;
      if (schema.maxItems !== undefined && value.length > schema.maxItems) return `${path}: more than ${schema.maxItems} items`;
      for (const [i, item] of value.entries()) {
        const v = violation(schema.items ?? { type: "string" }, item, `${path}[${i}]`);
        if (v) return v;
      }
      return undefined;
    }
    default: {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return schema.type === "object" ? `${path}: not an object` : undefined;
      const obj = value as Record<string, unknown>;
      for (const r of schema.required ?? []) if (schema.properties?.[r] && !schema.properties[r]!.cyclic && obj[r] === undefined) return `${path}.${r}: required but absent`;
      for (const [k, v] of Object.entries(obj)) {
        const sub = schema.properties?.[k] ?? schema.additionalProperties;
        if (!sub && schema.properties) return `${path}.${k}: not a declared property`;
        const bad = sub ? violation(sub, v, `${path}.${k}`) : undefined;
        if (bad) return bad;
      }
      return undefined;
    }
  }
}

describe("prng", () => {
  it("is a pure function of its seed", () => {
    const a = createPrng(42);
    const b = createPrng(42);
    const draws = Array.from({ length: 20 }, () => [a.next(), b.next()]);
    expect(draws.every(([x, y]) => x === y)).toBe(true);
    expect(prngFor(1, "x").next()).not.toBe(prngFor(1, "y").next());
    const c = createPrng(7);
    for (let i = 0; i < 200; i++) {
      const n = c.int(-3, 3);
      expect(n >= -3 && n <= 3 && Number.isInteger(n)).toBe(true);
    }
  });
});

describe("generateValue", () => {
  const opts = () => ({ fill: "all" as const, counter: { n: 1 } });
  it("uses the tricky string where the schema allows, cut to maxLength in code points", () => {
    expect(generateValue({ type: "string" }, createPrng(1), opts())).toBe(`${TRICKY}-1`);
    expect(generateValue({ type: "string", maxLength: 27 }, createPrng(1), opts())).toBe("a b+c*d!e'f(g)h~i/j=k&l%m中😀");
    expect(generateValue({ type: "string", minLength: 40 }, createPrng(1), opts())).toHaveLength(`${TRICKY}-1`.length + 40 - [...`${TRICKY}-1`].length);
  });
  it("respects enums, bounds and patterns (drawn with randexp from the seeded PRNG)", () => {
    expect(["x", "y"]).toContain(generateValue({ type: "string", enum: ["x", "y"] }, createPrng(2), opts()));
    for (let seed = 0; seed < 30; seed++) {
      const n = generateValue({ type: "integer", minimum: 5, maximum: 9 }, createPrng(seed), opts()) as number;
      expect(n >= 5 && n <= 9).toBe(true);
      const s = generateValue({ type: "string", pattern: "^\\d+$", maxLength: 4 }, createPrng(seed), opts()) as string;
      expect(s).toMatch(/^\d{1,4}$/);
    }
    const path = generateValue({ type: "string", pattern: "^(/|(/\\.{3,}|/\\.*[-\\w]+[-.\\w]*)+/?)$" }, createPrng(3), opts()) as string;
    expect(path).toMatch(/^(\/|(\/\.{3,}|\/\.*[-\w]+[-.\w]*)+\/?)$/u);
  });
  it("fills every nested field for `all`, only required ones for `required`", () => {
    const schema: ParamSchema = { type: "object", required: ["a"], properties: { a: { type: "string" }, b: { type: "array", items: { type: "integer" } } } };
    expect(Object.keys(generateValue(schema, createPrng(1), opts()) as object)).toEqual(["a", "b"]);
    expect(Object.keys(generateValue(schema, createPrng(1), { fill: "required", counter: { n: 1 } }) as object)).toEqual(["a"]);
  });
});

const products = Object.values(PRODUCTS).filter((p) => metadataFile(p) !== undefined);

describe.skipIf(products.length === 0)("variants over the real metadata", () => {
  for (const product of products) {
    const { operations } = loadMetadata(metadataFile(product)!);
    it(`${product.code}: every variant of every operation satisfies its schema, and reproduces from the seed`, () => {
      const problems: string[] = [];
      for (const op of operations) {
        const variants = variantsFor(op, DEFAULT_SEED);
        expect(variants.map((v) => v.name).slice(0, 2)).toEqual(["all", "required"]);
        for (const v of variants) {
          for (const p of op.parameters) {
            const value = v.input[p.name];
            if (value === undefined) {
              if (p.required) problems.push(`${op.action} [${v.name}] ${p.name}: required but absent`);
              if (v.name !== "required" && !p.schema.cyclic && !coveredByStructured(op, p)) problems.push(`${op.action} [${v.name}] ${p.name}: absent from the all input`);
              continue;
            }
            if (v.name === "required" && !p.required && p.in !== "path") problems.push(`${op.action} [required] ${p.name}: optional but present`);
            const bad = violation(p.schema, value, `${op.action} [${v.name}] ${p.name}`);
            if (bad) problems.push(bad);
          }
        }
        expect(JSON.stringify(variantsFor(op, DEFAULT_SEED))).toBe(JSON.stringify(variants));
      }
      expect(problems).toEqual([]);
      const sts = operations.filter((op) => inStsSubset(op.action, DEFAULT_SEED)).length;
      expect(sts).toBeGreaterThan(operations.length / 8);
      expect(sts).toBeLessThan(operations.length / 2);
    });
  }
});
