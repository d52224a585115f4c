import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/ValidationError.js";
import type { OperationDescriptor, ParameterDescriptor } from "../operation.js";
import { validateInput, validatedInput } from "./validateInput.js";

function op(...parameters: ParameterDescriptor[]): OperationDescriptor {
  return { product: "P", version: "v", action: "DoThing", style: "RPC", method: "POST", pathname: "/", access: "write", endpoints: { pattern: "p.{regionId}.x" }, parameters };
}

/** The ValidationError `validateInput` throws, or a failure when it accepts. */
function rejection(descriptor: OperationDescriptor, input: unknown): ValidationError {
  try {
    validateInput(descriptor, input);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error(`accepted ${JSON.stringify(input)}`);
}

const NAME = op({ name: "Name", in: "query", required: true, schema: { type: "string", minLength: 2, maxLength: 5, pattern: "^[a-z]+$" } });
const SIZE = op({ name: "Size", in: "query", schema: { type: "integer", minimum: 1, maximum: 10 } });

describe("validateInput", () => {
  it("accepts a valid input and optional parameters left out", () => {
    expect(() => validateInput(NAME, { Name: "abc" })).not.toThrow();
    expect(() => validateInput(SIZE, {})).not.toThrow();
    expect(() => validateInput(SIZE, { Size: undefined })).not.toThrow();
  });

  it("requires required parameters, naming the field and the action", () => {
    const e = rejection(NAME, {});
    expect(e).toMatchObject({ field: "Name", reason: "is required", code: "ValidationError" });
    expect(e.message).toBe("DoThing: Name is required");
  });

  it.each([null, undefined, "x", 3, ["Name"]])("rejects a non-object input %j", (input) => {
    expect(rejection(NAME, input).field).toBe("input");
  });

  it("rejects a string with a lone surrogate, which has no UTF-8 encoding, but accepts paired ones", () => {
    const loose = op({ name: "Name", in: "query", schema: { type: "string" } });
    expect(rejection(loose, { Name: "a\ud800b" }).reason).toMatch(/lone surrogate/);
    expect(rejection(loose, { Name: "\udc00" }).field).toBe("Name");
    expect(() => validateInput(loose, { Name: "emoji 😀" })).not.toThrow();
  });

  it("rejects null for a parameter (omit it instead)", () => {
    expect(rejection(SIZE, { Size: null }).reason).toMatch(/null/);
  });

  it("rejects an unknown parameter, so a misspelt name is not silently dropped", () => {
    expect(rejection(NAME, { Name: "abc", name: "abc" })).toMatchObject({ field: "name", reason: "is not a parameter of this operation" });
  });

  describe("strings", () => {
    it.each<[unknown, RegExp]>([
      [12, /must be a string, got number/],
      ["a", /at least 2/],
      ["abcdef", /at most 5/],
      ["ab1", /must match/],
    ])("rejects %j", (value, reason) => {
      expect(rejection(NAME, { Name: value }).reason).toMatch(reason);
    });

    it("counts length in characters, not UTF-16 units", () => {
      const emoji = op({ name: "E", in: "query", schema: { type: "string", maxLength: 2 } });
      expect(() => validateInput(emoji, { E: "😀😀" })).not.toThrow();
      expect(rejection(emoji, { E: "😀😀😀" }).reason).toMatch(/at most 2/);
    });

    it("applies a pattern written for another regex dialect without the u flag, and skips one no engine compiles", () => {
      const loose = op({ name: "L", in: "query", schema: { type: "string", pattern: "^[\\w-.]+$" } });
      expect(() => validateInput(loose, { L: "a-b.c" })).not.toThrow();
      expect(rejection(loose, { L: "a b" }).reason).toMatch(/must match/);
      const broken = op({ name: "B", in: "query", schema: { type: "string", pattern: "(unclosed" } });
      expect(() => validateInput(broken, { B: "anything" })).not.toThrow();
    });
  });

  describe("numbers", () => {
    it.each<[unknown, RegExp]>([
      ["5", /finite number/],
      [Number.NaN, /finite number/],
      [Number.POSITIVE_INFINITY, /finite number/],
      [1.5, /integer/],
      [0, /≥ 1/],
      [11, /≤ 10/],
    ])("rejects %j for an integer in [1, 10]", (value, reason) => {
      expect(rejection(SIZE, { Size: value }).reason).toMatch(reason);
    });

    it("accepts fractions for type number, within bounds", () => {
      const ratio = op({ name: "R", in: "query", schema: { type: "number", minimum: 0, maximum: 1 } });
      expect(() => validateInput(ratio, { R: 0.5 })).not.toThrow();
      expect(rejection(ratio, { R: 1.01 }).reason).toMatch(/≤ 1/);
    });
  });

  it("checks booleans", () => {
    const flag = op({ name: "DryRun", in: "query", schema: { type: "boolean" } });
    expect(() => validateInput(flag, { DryRun: false })).not.toThrow();
    expect(rejection(flag, { DryRun: "true" }).reason).toMatch(/boolean/);
  });

  it("checks enums of strings and numbers", () => {
    const kind = op({ name: "Kind", in: "query", schema: { type: "string", enum: ["Standard", "Premium"] } }, { name: "Level", in: "query", schema: { type: "integer", enum: [1, 2] } });
    expect(() => validateInput(kind, { Kind: "Premium", Level: 2 })).not.toThrow();
    expect(rejection(kind, { Kind: "premium" }).reason).toBe('must be one of "Standard", "Premium"');
    expect(rejection(kind, { Level: 3 })).toMatchObject({ field: "Level", reason: "must be one of 1, 2" });
  });

  describe("arrays", () => {
    const TAGS = op({ name: "Ids", in: "query", schema: { type: "array", minItems: 1, maxItems: 2, items: { type: "string", maxLength: 3 } } });

    it("checks type, item count and each item, naming the index", () => {
      expect(() => validateInput(TAGS, { Ids: ["a", "b"] })).not.toThrow();
      expect(rejection(TAGS, { Ids: "a" }).reason).toBe("must be an array");
      expect(rejection(TAGS, { Ids: [] }).reason).toMatch(/at least 1 items/);
      expect(rejection(TAGS, { Ids: ["a", "b", "c"] }).reason).toMatch(/at most 2 items/);
      expect(rejection(TAGS, { Ids: ["a", "long"] })).toMatchObject({ field: "Ids[1]", reason: "must be at most 3 characters" });
      expect(rejection(TAGS, { Ids: ["a", null] }).field).toBe("Ids[1]");
    });
  });

  describe("nested objects", () => {
    const REFRESH = op({
      name: "AutoRefreshs",
      in: "query",
      schema: {
        type: "array",
        items: { type: "object", required: ["RefreshPath"], properties: { RefreshPath: { type: "string", minLength: 1 }, Depth: { type: "integer", maximum: 3 } } },
      },
    });

    it("checks required and typed fields, naming the full path", () => {
      expect(() => validateInput(REFRESH, { AutoRefreshs: [{ RefreshPath: "/a", Depth: 1 }] })).not.toThrow();
      expect(rejection(REFRESH, { AutoRefreshs: [{ RefreshPath: "/a" }, { Depth: 1 }] })).toMatchObject({ field: "AutoRefreshs[1].RefreshPath", reason: "is required" });
      expect(rejection(REFRESH, { AutoRefreshs: [{ RefreshPath: "/a", Depth: 4 }] }).field).toBe("AutoRefreshs[0].Depth");
      expect(rejection(REFRESH, { AutoRefreshs: [{ RefreshPath: "/a", Extra: 1 }] })).toMatchObject({ field: "AutoRefreshs[0].Extra", reason: "is not a known field" });
      expect(rejection(REFRESH, { AutoRefreshs: [["/a"]] }).reason).toBe("must be an object");
      expect(rejection(REFRESH, { AutoRefreshs: [{ RefreshPath: null }] }).field).toBe("AutoRefreshs[0].RefreshPath");
    });

    it("accepts any fields on an object schema without declared properties", () => {
      const free = op({ name: "Tags", in: "query", schema: { type: "object" } });
      expect(() => validateInput(free, { Tags: { anything: 1 } })).not.toThrow();
    });
  });

  describe("keys named like Object.prototype members", () => {
    const FILTERS = op({
      name: "Filters",
      in: "query",
      serialization: "repeatList",
      schema: { type: "array", items: { type: "object", properties: { Key: { type: "string" }, Value: { type: "string" } } } },
    });
    const MEMBERS = ["constructor", "toString", "hasOwnProperty", "valueOf", "prototype", "isPrototypeOf"];

    it.each(MEMBERS)("rejects %s as an unknown field of an object whose schema lists its properties", (key) => {
      expect(rejection(FILTERS, { Filters: [{ Key: "Status", [key]: "x" }] })).toMatchObject({ field: `Filters[0].${key}`, reason: "is not a known field" });
    });

    it("rejects an own __proto__ key (from JSON.parse) wherever it is", () => {
      const item = JSON.parse('{"Key":"Status","__proto__":"x"}') as object;
      expect(rejection(FILTERS, { Filters: [item] }).field).toBe("Filters[0].__proto__");
    });

    it("rejects such keys holding objects 5 000 levels deep with a ValidationError, not a stack overflow", () => {
      const free = op({ name: "Config", in: "query", schema: { type: "object" } });
      for (const key of [...MEMBERS, "__proto__"]) {
        // defineProperty makes an own data property even for __proto__, as JSON.parse does.
        let value: Record<string, unknown> = {};
        for (let i = 0; i < 5_000; i++) value = Object.defineProperty({}, key, { value, enumerable: true });
        for (const descriptor of [FILTERS, free]) {
          const input = descriptor === free ? { Config: value } : { Filters: [value] };
          expect(rejection(descriptor, input)).toBeInstanceOf(ValidationError);
        }
      }
    });

    it("accepts them as data in a free-form map (no prototype to reach), but not __proto__", () => {
      const free = op({ name: "Tags", in: "query", schema: { type: "object" } });
      expect(() => validateInput(free, { Tags: { constructor: "a", toString: "b", prototype: "c" } })).not.toThrow();
      expect(rejection(free, { Tags: JSON.parse('{"__proto__":"x"}') as object }).field).toBe("Tags.__proto__");
    });

    it("does not take a parameter from the input's prototype", () => {
      expect(rejection(NAME, Object.create({ Name: "abc" }))).toMatchObject({ field: "Name", reason: "is required" });
    });
  });

  describe("the idempotency token", () => {
    const TOKEN = { ...op({ name: "Name", in: "query", schema: { type: "string" } }, { name: "ClientToken", in: "query", schema: { type: "string" } }), idempotencyToken: "ClientToken" };

    it("refuses an empty token, which would dedupe nothing on every attempt", () => {
      expect(rejection(TOKEN, { ClientToken: "" })).toMatchObject({ field: "ClientToken", reason: "must not be empty (leave it out and the runtime generates one)" });
    });

    it("accepts a given token, or none", () => {
      expect(() => validateInput(TOKEN, { ClientToken: "t-1" })).not.toThrow();
      expect(() => validateInput(TOKEN, {})).not.toThrow();
      expect(() => validateInput(TOKEN, { ClientToken: undefined })).not.toThrow();
    });
  });
});

describe("validatedInput", () => {
  it("returns the copy it checked: a getter read once, nothing inherited", () => {
    let reads = 0;
    const input = Object.create({ Inherited: "x" }) as Record<string, unknown>;
    Object.defineProperty(input, "Name", {
      enumerable: true,
      get: () => (reads++ === 0 ? "abc" : { injected: "x" }),
    });
    const copy = validatedInput(NAME, input);
    expect(copy).toEqual({ Name: "abc" });
    expect(reads).toBe(1);
  });
});
