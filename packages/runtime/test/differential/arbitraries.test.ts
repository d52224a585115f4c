import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SchemaDescriptor } from "../../src/operation.js";
import { validateInput } from "../../src/validate/validateInput.js";
import { inputArbitrary, schemaArbitrary } from "./arbitraries.js";
import { syntheticBodyOperation, syntheticQueryOperation } from "./syntheticDescriptors.js";

const SAMPLES = 2000;

// Sampling thousands of values is fixed CPU work: about a second alone, several on a machine whose cores the
// rest of the monorepo's tests share. The limit only catches a hang.
describe("differential arbitraries", { timeout: 60_000 }, () => {
  it("produce strings with the characters signing gets wrong, empty strings and long strings", () => {
    const strings = fc.sample(schemaArbitrary({ type: "string" }), { numRuns: SAMPLES, seed: 7 }) as string[];
    for (const c of [" ", "*", "~", "+", "/", "%", "=", "&", "ü", "中", "😀"]) {
      expect(strings.some((s) => s.includes(c)), `some string contains ${JSON.stringify(c)}`).toBe(true);
    }
    expect(strings).toContain("");
    expect(strings.some((s) => [...s].length >= 300)).toBe(true);
  });

  it("respect length and pattern constraints", () => {
    const schema: SchemaDescriptor = { type: "string", maxLength: 64, pattern: "^[\\x00-\\x7F]*$" };
    const strings = fc.sample(schemaArbitrary(schema), { numRuns: SAMPLES, seed: 7 }) as string[];
    expect(strings.every((s) => s.length <= 64 && /^[\x00-\x7F]*$/.test(s))).toBe(true);
    expect(strings.some((s) => s.includes("*") || s.includes("%"))).toBe(true);
  });

  it("produce integers within bounds, including both bounds", () => {
    const ints = fc.sample(schemaArbitrary({ type: "integer", minimum: 5, maximum: 525600 }), { numRuns: SAMPLES, seed: 7 }) as number[];
    expect(ints.every((n) => Number.isInteger(n) && n >= 5 && n <= 525600)).toBe(true);
    expect(ints).toContain(5);
    expect(ints).toContain(525600);
  });

  it("produce inputs the runtime's validator accepts, with the idempotency token always set", () => {
    for (const op of [syntheticQueryOperation, syntheticBodyOperation]) {
      for (const input of fc.sample(inputArbitrary(op), { numRuns: 300, seed: 7 })) {
        expect(() => validateInput(op, input)).not.toThrow();
        if (op.idempotencyToken) expect(typeof input[op.idempotencyToken]).toBe("string");
      }
    }
  });
});
