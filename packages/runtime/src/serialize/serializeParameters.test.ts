import { describe, expect, it } from "vitest";
import type { OperationDescriptor, ParameterDescriptor } from "../operation.js";
import { serializeParameters } from "./serializeParameters.js";

function op(...parameters: ParameterDescriptor[]): OperationDescriptor {
  return {
    product: "NAS",
    version: "2017-06-26",
    action: "Test",
    style: "RPC",
    method: "POST",
    pathname: "/",
    access: "read",
    endpoints: { pattern: "nas.{regionId}.aliyuncs.com" },
    parameters,
  };
}

const str = { type: "string" } as const;

describe("serializeParameters: scalars", () => {
  it("stringifies strings, integers, numbers and booleans", () => {
    const d = op(
      { name: "S", in: "query", schema: str },
      { name: "I", in: "query", schema: { type: "integer" } },
      { name: "N", in: "query", schema: { type: "number" } },
      { name: "T", in: "query", schema: { type: "boolean" } },
      { name: "F", in: "query", schema: { type: "boolean" } },
      { name: "E", in: "query", schema: str },
    );
    expect(serializeParameters(d, { S: "a b", I: -42, N: 1.5, T: true, F: false, E: "" }).query).toEqual([
      ["S", "a b"],
      ["I", "-42"],
      ["N", "1.5"],
      ["T", "true"],
      ["F", "false"],
      ["E", ""],
    ]);
  });

  it("formats numbers as JavaScript does (what the official client sends too)", () => {
    const d = op({ name: "N", in: "query", schema: { type: "number" } });
    expect(serializeParameters(d, { N: -0 }).query).toEqual([["N", "0"]]);
    expect(serializeParameters(d, { N: 1e21 }).query).toEqual([["N", "1e+21"]]);
    expect(serializeParameters(d, { N: Number.MAX_SAFE_INTEGER }).query).toEqual([["N", "9007199254740991"]]);
  });

  it("skips absent parameters and keeps the descriptor's order, not the input's", () => {
    const d = op({ name: "B", in: "query", schema: str }, { name: "A", in: "query", schema: str }, { name: "C", in: "query", schema: str });
    expect(serializeParameters(d, { A: "1", B: "2", C: undefined }).query).toEqual([
      ["B", "2"],
      ["A", "1"],
    ]);
  });
});

describe("serializeParameters: flat and repeatList", () => {
  it("numbers list items from 1 and joins object fields with dots (repeatList)", () => {
    const d = op({
      name: "Filters",
      in: "query",
      serialization: "repeatList",
      schema: { type: "array", items: { type: "object", properties: { Key: str, Value: str } } },
    });
    expect(serializeParameters(d, { Filters: [{ Key: "Status", Value: "Running" }, { Key: "FsetIds" }] }).query).toEqual([
      ["Filters.1.Key", "Status"],
      ["Filters.1.Value", "Running"],
      ["Filters.2.Key", "FsetIds"],
    ]);
  });

  it("numbers a list of scalars", () => {
    const d = op({ name: "Ids", in: "query", serialization: "repeatList", schema: { type: "array", items: str } });
    expect(serializeParameters(d, { Ids: ["a", "b", "c"] }).query).toEqual([
      ["Ids.1", "a"],
      ["Ids.2", "b"],
      ["Ids.3", "c"],
    ]);
  });

  it("flattens an object (flat, also the default)", () => {
    const condition = { type: "object", properties: { ModifyTime: { type: "integer" }, Size: { type: "integer" }, Strict: { type: "boolean" } } } as const;
    const flat = op({ name: "Condition", in: "query", serialization: "flat", schema: condition });
    const byDefault = op({ name: "Condition", in: "query", schema: condition });
    const input = { Condition: { ModifyTime: 1700000000, Size: 0, Strict: false } };
    const expected = [
      ["Condition.ModifyTime", "1700000000"],
      ["Condition.Size", "0"],
      ["Condition.Strict", "false"],
    ];
    expect(serializeParameters(flat, input).query).toEqual(expected);
    expect(serializeParameters(byDefault, input).query).toEqual(expected);
  });

  it("flattens nested objects and lists at any depth", () => {
    const d = op({ name: "Config", in: "query", schema: { type: "object" } });
    const input = { Config: { Rules: [{ Path: "/a", Tags: ["x", "y"] }], Inner: { Deep: { Flag: true } } } };
    expect(serializeParameters(d, input).query).toEqual([
      ["Config.Rules.1.Path", "/a"],
      ["Config.Rules.1.Tags.1", "x"],
      ["Config.Rules.1.Tags.2", "y"],
      ["Config.Inner.Deep.Flag", "true"],
    ]);
  });

  it("sends nothing for empty lists and objects, and skips absent fields and items but keeps item numbers", () => {
    const d = op({ name: "L", in: "query", serialization: "repeatList", schema: { type: "array" } }, { name: "O", in: "query", schema: { type: "object" } });
    expect(serializeParameters(d, { L: [], O: {} }).query).toEqual([]);
    expect(serializeParameters(d, { L: ["a", undefined, "c"], O: { A: undefined, B: "b" } }).query).toEqual([
      ["L.1", "a"],
      ["L.3", "c"],
      ["O.B", "b"],
    ]);
  });
});

describe("serializeParameters: json and simple", () => {
  it("JSON-encodes an object or a list into one parameter (json)", () => {
    const d = op({ name: "Options", in: "query", serialization: "json", schema: { type: "object" } }, { name: "Rules", in: "query", serialization: "json", schema: { type: "array" } });
    expect(serializeParameters(d, { Options: { A: "x y", B: [1, true], C: { D: null } }, Rules: [{ K: "v" }] }).query).toEqual([
      ["Options", '{"A":"x y","B":[1,true],"C":{"D":null}}'],
      ["Rules", '[{"K":"v"}]'],
    ]);
  });

  it("joins list items with commas (simple)", () => {
    const d = op({ name: "Zones", in: "query", serialization: "simple", schema: { type: "array", items: str } }, { name: "Ports", in: "query", serialization: "simple", schema: { type: "array", items: { type: "integer" } } });
    expect(serializeParameters(d, { Zones: ["a", "b c", ""], Ports: [80, 443] }).query).toEqual([
      ["Zones", "a,b c,"],
      ["Ports", "80,443"],
    ]);
  });

  it("sends a scalar as itself whatever the serialization says", () => {
    const d = op({ name: "X", in: "query", serialization: "json", schema: str });
    expect(serializeParameters(d, { X: "plain" }).query).toEqual([["X", "plain"]]);
  });
});

describe("serializeParameters: locations", () => {
  it("routes parameters to query, lower-cased headers, path, host prefix and body (raw values)", () => {
    const d = op(
      { name: "Q", in: "query", schema: str },
      { name: "B", in: "body", schema: { type: "object" } },
      { name: "X-Acs-Custom", in: "header", schema: str },
      { name: "ClusterId", in: "path", schema: str },
      { name: "Project", in: "host", schema: str },
    );
    const input = { Q: "q", B: { K: 1 }, "X-Acs-Custom": "h", ClusterId: "c/1", Project: "p" };
    const wire = serializeParameters(d, input);
    expect(wire).toEqual({
      query: [["Q", "q"]],
      body: [[d.parameters[1], { K: 1 }]],
      headers: { "x-acs-custom": "h" },
      path: { ClusterId: "c/1" },
      host: ["p"],
    });
  });

  it("sends a list path or header parameter in its style (simple → comma-joined)", () => {
    const d = op(
      { name: "Ids", in: "path", serialization: "simple", schema: { type: "array", items: str } },
      { name: "x-tags", in: "header", serialization: "json", schema: { type: "array", items: str } },
    );
    const wire = serializeParameters(d, { Ids: ["a", "b"], "x-tags": ["t"] });
    expect(wire.path).toEqual({ Ids: "a,b" });
    expect(wire.headers).toEqual({ "x-tags": '["t"]' });
  });
});
