import { describe, expect, it } from "vitest";
import type { OperationDescriptor } from "../operation.js";
import { isSafeSchema, isSafeWireValue, schemaAt } from "./safeSchema.js";

const op: OperationDescriptor = {
  product: "Demo",
  version: "2020-01-01",
  action: "FilterThings",
  style: "RPC",
  method: "POST",
  pathname: "/",
  access: "read",
  endpoints: { pattern: "demo.{regionId}.aliyuncs.com" },
  parameters: [
    { name: "PageSize", in: "query", schema: { type: "integer" } },
    { name: "Password", in: "query", schema: { type: "string" } },
    { name: "Status", in: "query", schema: { type: "string", enum: ["Running", "Stopped"] } },
    { name: "Filters", in: "query", schema: { type: "array", items: { type: "object", properties: { Key: { type: "string", enum: ["Status"] }, Value: { type: "string" } } } } },
    { name: "Ids", in: "query", serialization: "simple", schema: { type: "array", items: { type: "integer" } } },
    { name: "Labels", in: "query", serialization: "json", schema: { type: "object", additionalProperties: { type: "integer" } } },
    { name: "Launch", in: "query", schema: { type: "object", properties: { Inherit: { type: "boolean" } } } },
    { name: "Launch.Password", in: "query", schema: { type: "string" } },
    { name: "DryRun", in: "body", schema: { type: "boolean" } },
  ],
};

describe("isSafeWireValue", () => {
  it("prints numbers, booleans and enum values; never free strings", () => {
    expect(isSafeWireValue(op, "query", "PageSize")).toBe(true);
    expect(isSafeWireValue(op, "query", "Status")).toBe(true);
    expect(isSafeWireValue(op, "query", "Password")).toBe(false);
  });

  it("follows flattened names into lists and objects", () => {
    expect(isSafeWireValue(op, "query", "Filters.1.Key")).toBe(true);
    expect(isSafeWireValue(op, "query", "Filters.1.Value")).toBe(false);
    expect(isSafeWireValue(op, "query", "Filters.x.Key")).toBe(false);
    expect(isSafeWireValue(op, "query", "Launch.Inherit")).toBe(true);
  });

  it("prefers the longest parameter name, since names may contain dots", () => {
    expect(isSafeWireValue(op, "query", "Launch.Password")).toBe(false);
  });

  it("prints a comma-joined list of safe items, never a JSON value, and nothing it cannot place", () => {
    expect(isSafeWireValue(op, "query", "Ids")).toBe(true);
    expect(isSafeWireValue(op, "query", "Labels")).toBe(false);
    expect(isSafeWireValue(op, "query", "Unknown")).toBe(false);
    expect(isSafeWireValue(op, "query", "DryRun")).toBe(false);
    expect(isSafeWireValue(op, "body", "DryRun")).toBe(true);
  });
});

describe("schemaAt and isSafeSchema", () => {
  it("walks object properties, typed maps and list items", () => {
    expect(schemaAt({ type: "object", additionalProperties: { type: "integer" } }, ["any"])).toEqual({ type: "integer" });
    expect(schemaAt({ type: "object", additionalProperties: true }, ["any"])).toBeUndefined();
    expect(schemaAt({ type: "string" }, ["x"])).toBeUndefined();
    expect(isSafeSchema(undefined)).toBe(false);
    expect(isSafeSchema({ type: "string", enum: [] })).toBe(false);
  });
});
