import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/ValidationError.js";
import { MAX_INPUT_DEPTH, MAX_INPUT_VALUES, snapshotInput } from "./snapshotInput.js";

function rejection(input: unknown): ValidationError {
  try {
    snapshotInput("DoThing", input);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error("accepted");
}

/** `{ [key]: { [key]: … } }`, `levels` objects deep. */
function nested(levels: number, key = "a"): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let i = 1; i < levels; i++) value = { [key]: value };
  return value;
}

describe("snapshotInput", () => {
  it("copies strings, numbers, booleans, null, arrays and objects, leaving undefined fields out", () => {
    const input = { S: "s", N: 1.5, B: false, Z: null, L: [1, "x", [true]], O: { K: "v", U: undefined }, U: undefined };
    const copy = snapshotInput("A", input);
    expect(copy).toEqual({ S: "s", N: 1.5, B: false, Z: null, L: [1, "x", [true]], O: { K: "v" } });
    expect(Object.keys(copy)).not.toContain("U");
    expect(copy.L).not.toBe(input.L);
    expect(copy.O).not.toBe(input.O);
  });

  it("makes objects without a prototype, so no key is inherited or read as a method", () => {
    const copy = snapshotInput("A", { O: { constructor: "c", toString: "t", hasOwnProperty: "h", prototype: "p" } });
    expect(Object.getPrototypeOf(copy)).toBeNull();
    const inner = copy.O as Record<string, unknown>;
    expect(Object.getPrototypeOf(inner)).toBeNull();
    expect({ ...inner }).toEqual({ constructor: "c", toString: "t", hasOwnProperty: "h", prototype: "p" });
  });

  it("takes own enumerable string keys only: nothing from the prototype, no symbols, no hidden properties", () => {
    const base = { Inherited: "x" };
    const input = Object.create(base) as Record<string | symbol, unknown>;
    input.Own = "o";
    input[Symbol("s")] = "sym";
    Object.defineProperty(input, "Hidden", { value: "h", enumerable: false });
    expect(snapshotInput("A", input)).toEqual({ Own: "o" });
    expect(snapshotInput("A", Object.create({ Name: "valid" }))).toEqual({});
  });

  it("reads every getter exactly once, and keeps what that read returned", () => {
    let reads = 0;
    const input = {
      get Name(): unknown {
        reads++;
        return reads === 1 ? "fs-1" : { injected: "x" };
      },
    };
    const copy = snapshotInput("A", input);
    expect(copy.Name).toBe("fs-1");
    expect(reads).toBe(1);
    expect(copy.Name).toBe("fs-1");
    expect(reads).toBe(1);
  });

  it("reads a Proxy's keys and values once each", () => {
    const gets: string[] = [];
    const proxy = new Proxy({ A: "1", B: ["2"] } as Record<string, unknown>, {
      get: (target, key, receiver) => {
        if (typeof key === "string") gets.push(key);
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    expect(snapshotInput("A", proxy)).toEqual({ A: "1", B: ["2"] });
    expect(gets.filter((k) => k === "A" || k === "B")).toEqual(["A", "B"]);
  });

  it("turns a getter or Proxy trap that throws into a ValidationError naming the field, without its message", () => {
    const e = rejection({
      get Secretive(): unknown {
        throw new Error("internal detail 42");
      },
    });
    expect(e).toMatchObject({ field: "Secretive", reason: "could not be read (a getter or Proxy threw)" });
    expect(e.message).not.toContain("internal detail");
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(rejection({ P: proxy }).field).toBe("P");
    expect(rejection(proxy).field).toBe("input");
  });

  it("rejects an own __proto__ key anywhere (it comes from untrusted JSON and cannot be sent faithfully)", () => {
    expect(rejection(JSON.parse('{"__proto__":{"x":1}}'))).toMatchObject({ field: "__proto__", reason: "is a reserved key and cannot be sent" });
    expect(rejection({ Tags: [JSON.parse('{"Key":"k","__proto__":"v"}')] }).field).toBe("Tags[0].__proto__");
  });

  it(`accepts ${MAX_INPUT_DEPTH} levels and rejects one more, naming the path, at any depth (5 000 levels too)`, () => {
    expect(() => snapshotInput("A", { P: nested(MAX_INPUT_DEPTH) })).not.toThrow();
    const e = rejection({ P: nested(MAX_INPUT_DEPTH + 1) });
    expect(e.reason).toBe(`is nested deeper than ${MAX_INPUT_DEPTH} levels`);
    expect(e.field).toBe(`P${".a".repeat(MAX_INPUT_DEPTH)}`);
    expect(rejection({ P: nested(5_000, "constructor") }).reason).toMatch(/nested deeper/);
    let list: unknown[] = [];
    for (let i = 0; i < 5_000; i++) list = [list];
    expect(rejection({ L: list }).reason).toMatch(/nested deeper/);
  });

  it("rejects cycles, but copies a value shared by two fields twice", () => {
    const loop: Record<string, unknown> = { K: "v" };
    loop.Self = loop;
    expect(rejection({ O: loop })).toMatchObject({ field: "O.Self", reason: "contains itself (a cycle)" });
    const selfList: unknown[] = [];
    selfList.push(selfList);
    expect(rejection({ L: selfList }).field).toBe("L[0]");
    const shared = { K: "v" };
    const copy = snapshotInput("A", { A: shared, B: shared });
    expect(copy).toEqual({ A: { K: "v" }, B: { K: "v" } });
    expect(copy.A).not.toBe(copy.B);
  });

  it(`stops an input that would expand past ${MAX_INPUT_VALUES} values (shared references doubling at every level)`, () => {
    let value: unknown = "x";
    for (let i = 0; i < 40; i++) value = [value, value];
    expect(rejection({ Big: value }).reason).toBe(`makes the input hold more than ${MAX_INPUT_VALUES} values`);
  });

  it("reads an array's length once and copies holes as undefined", () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(snapshotInput("A", { L: [1, , 3] }).L).toEqual([1, undefined, 3]);
  });

  it.each<[string, unknown, RegExp]>([
    ["a function", () => "x", /got function/],
    ["a symbol", Symbol("s"), /got symbol/],
    ["a bigint", 10n, /got bigint/],
    ["a Map", new Map([["k", "v"]]), /plain object or an array, got Map/],
    ["a Set", new Set(["v"]), /got Set/],
    ["a Date", new Date(0), /got Date/],
    ["a RegExp", /x/, /got RegExp/],
    ["a boxed string", Object("s"), /got String/],
    ["an ArrayBuffer", new ArrayBuffer(2), /got ArrayBuffer/],
  ])("rejects %s, which no request can carry faithfully", (_, value, reason) => {
    expect(rejection({ P: value })).toMatchObject({ field: "P", reason: expect.stringMatching(reason) as unknown });
  });

  it("copies bytes (a Uint8Array or Buffer) so the caller can reuse its buffer", () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const copy = snapshotInput("A", { Body: bytes }).Body as Uint8Array;
    bytes[0] = 9;
    expect([...copy]).toEqual([1, 2, 3]);
    expect([...(snapshotInput("A", { Body: Buffer.from("hi") }).Body as Uint8Array)]).toEqual([104, 105]);
  });

  it.each([null, undefined, "x", 3, ["Name"], new Uint8Array(1)])("rejects a non-object input %j", (input) => {
    expect(rejection(input)).toMatchObject({ field: "input", reason: "must be an object" });
  });

  it("accepts an instance of a user class (its own fields), as official SDK request models are", () => {
    class Request {
      Name = "n";
      method(): string {
        return "not copied";
      }
    }
    expect(snapshotInput("A", new Request())).toEqual({ Name: "n" });
  });
});
