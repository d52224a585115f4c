import { describe, expect, it } from "vitest";
import { exampleInput } from "./examples.js";
import type { ParameterModel } from "./types.js";

function param(name: string, schema: ParameterModel["schema"], example: unknown, required = false): ParameterModel {
  return { name, location: "query", required, description: "", deprecated: false, serialization: undefined, schema, example };
}

describe("exampleInput", () => {
  // ECS DescribePrice declares DataDisk.1.Size and the DataDisk list; the runtime refuses an input setting both.
  const flat = param("DataDisk.1.Size", { type: "integer" }, 40);
  const list = param("DataDisk", { type: "array", items: { type: "object", properties: { Size: { type: "integer", example: 20 } } } }, undefined);

  it("leaves out an optional parameter whose wire keys an earlier one already took", () => {
    const input = exampleInput([flat, list], true);
    expect(Object.keys(input)).toEqual(["DataDisk.1.Size"]);
  });

  it("keeps a required parameter even when it collides, and both when their keys differ", () => {
    expect(Object.keys(exampleInput([flat, { ...list, required: true }], true))).toEqual(["DataDisk.1.Size", "DataDisk"]);
    expect(Object.keys(exampleInput([param("DataDisk.2.Size", { type: "integer" }, 40), list], true))).toEqual(["DataDisk.2.Size", "DataDisk"]);
  });
});
