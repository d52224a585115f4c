// A bounded battery of hostile inputs (fixed seed, 1 200 cases, no sockets): values of every wrong type,
// keys named like Object.prototype members, exotic objects, getters that change their answer, inputs that
// inherit their parameters, proxies, cycles and deep nesting. Whatever the input, a call either rejects
// with a ValidationError and sends nothing, or sends exactly one request serialized from a copy that passes
// validation, reading every getter at most once.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AcsError } from "../../src/errors/AcsError.js";
import { ValidationError } from "../../src/errors/ValidationError.js";
import { invokeOperation } from "../../src/invokeOperation.js";
import type { OperationDescriptor } from "../../src/operation.js";
import { prepareRequest } from "../../src/serialize/prepareRequest.js";
import { validateInput } from "../../src/validate/validateInput.js";
import { schemaArbitrary } from "../differential/arbitraries.js";
import { syntheticBodyOperation, syntheticQueryOperation } from "../differential/syntheticDescriptors.js";
import { memoryClient } from "../support/memoryClient.js";
import { createThing, filterThings } from "../support/operations.js";

const SEED = 20250113;
const RUNS_PER_OPERATION = 300;
const OPERATIONS: readonly OperationDescriptor[] = [filterThings, createThing, syntheticQueryOperation, syntheticBodyOperation];

const PROTOTYPE_KEYS = ["constructor", "toString", "hasOwnProperty", "valueOf", "prototype", "__proto__", "__defineGetter__", "isPrototypeOf"];

/** Anything at all, leaning on what breaks naive code: exotic objects, prototype-named keys, odd numbers. */
const anything = fc.anything({
  key: fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 6 })),
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});

/** Builds a structure at call time (each case gets its own, so a cycle or a getter is never shared). */
type Build = (reads: number[]) => unknown;

const builders: fc.Arbitrary<Build>[] = [
  anything.map((v) => () => v),
  fc.integer({ min: 60, max: 5_000 }).map((levels) => () => {
    let v: object = {};
    for (let i = 0; i < levels; i++) v = Object.defineProperty({}, PROTOTYPE_KEYS[i % PROTOTYPE_KEYS.length]!, { value: v, enumerable: true });
    return v;
  }),
  fc.constant(() => {
    const loop: Record<string, unknown> = { Key: "Status" };
    loop.Value = loop;
    return [loop];
  }),
  fc.constant(() => () => "a function"),
  fc.constant(() => new Proxy({}, { ownKeys: () => { throw new Error("trap"); } })),
];

const wrappers = ["plain", "plain", "plain", "inherited", "proxy", "null-prototype", "extra-key"] as const;

/** One case: a value per parameter (valid or absent), at most one made hostile, getters, and how the input is wrapped. */
interface Case {
  readonly values: readonly (unknown | undefined)[];
  readonly getters: readonly boolean[];
  readonly hostileAt: number | undefined;
  readonly hostile: Build;
  readonly later: unknown;
  readonly wrapper: (typeof wrappers)[number];
  readonly extraKey: string;
}

function caseArbitrary(op: OperationDescriptor): fc.Arbitrary<Case> {
  const n = op.parameters.length;
  return fc.record({
    values: fc.tuple(...op.parameters.map((p) => (p.required ? schemaArbitrary(p.schema) : fc.option(schemaArbitrary(p.schema), { nil: undefined })))),
    getters: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    hostileAt: fc.option(fc.nat(n - 1), { nil: undefined, freq: 2 }),
    hostile: fc.oneof(...builders),
    later: fc.oneof(anything, fc.constant({ injected: "x" })),
    wrapper: fc.constantFrom(...wrappers),
    extraKey: fc.constantFrom(...PROTOTYPE_KEYS, "Unknown"),
  });
}

function buildInput(op: OperationDescriptor, c: Case, reads: number[]): object {
  const own: Record<string, unknown> = c.wrapper === "null-prototype" ? (Object.create(null) as Record<string, unknown>) : {};
  op.parameters.forEach((param, i) => {
    const value = i === c.hostileAt ? c.hostile(reads) : c.values[i];
    if (value === undefined && i !== c.hostileAt) return;
    if (!c.getters[i]) {
      Object.defineProperty(own, param.name, { value, enumerable: true, writable: true, configurable: true });
      return;
    }
    const slot = reads.push(0) - 1;
    // What was drawn on the first read, something else on every later one.
    Object.defineProperty(own, param.name, { enumerable: true, configurable: true, get: () => (reads[slot]!++ === 0 ? value : c.later) });
  });
  switch (c.wrapper) {
    case "inherited":
      return Object.create(own) as object;
    case "proxy":
      return new Proxy(own, {});
    case "extra-key":
      return Object.defineProperty(own, c.extraKey, { value: "x", enumerable: true });
    default:
      return own;
  }
}

describe(`hostile inputs: ${OPERATIONS.length * RUNS_PER_OPERATION} cases (seed ${SEED})`, () => {
  for (const op of OPERATIONS) {
    it(`${op.action}: a ValidationError and nothing sent, or one request from a validated copy`, async () => {
      let sentSome = 0;
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(caseArbitrary(op), async (c) => {
          const { client, sent } = memoryClient({ maxAttempts: 1 });
          const reads: number[] = [];
          const input = buildInput(op, c, reads);
          const outcome = await invokeOperation(client, op, input).then(
            () => undefined,
            (e: unknown) => e,
          );
          expect(reads.every((n) => n <= 1)).toBe(true);
          if (outcome !== undefined) {
            refused++;
            expect(outcome).toBeInstanceOf(ValidationError);
            expect(outcome).toBeInstanceOf(AcsError);
            expect(sent).toHaveLength(0);
            return;
          }
          sentSome++;
          expect(sent).toHaveLength(1);
          const copy = sent[0]!.options.call!.input as Record<string, unknown>;
          expect(Object.getPrototypeOf(copy)).toBeNull();
          expect(() => validateInput(op, copy)).not.toThrow();
          expect(sent[0]!.request.path).toBe(prepareRequest(op, copy, client.config.userAgent).path);
          expect(JSON.stringify(copy)).not.toContain("injected");
        }),
        { numRuns: RUNS_PER_OPERATION, seed: SEED },
      );
      // Both outcomes were exercised, so neither invariant held vacuously.
      expect(sentSome).toBeGreaterThan(10);
      expect(refused).toBeGreaterThan(10);
    }, 60_000);
  }
});
