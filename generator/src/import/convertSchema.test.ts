import { describe, expect, it } from "vitest";
import type { ApiDocsSchema } from "./apiDocs.js";
import { convertSchema } from "./convertSchema.js";
import { IssueSink } from "./ImportReport.js";

function convert(src: Record<string, unknown>): { schema: unknown; issues: string[] } {
  const sink = new IssueSink("Op");
  const schema = convertSchema(src as ApiDocsSchema, "parameters/P/schema", { sink, components: {} });
  return { schema, issues: sink.issues.map((i) => `${i.field}: ${i.message}`) };
}

describe("convertSchema", () => {
  it("turns numbers stored as strings into numbers", () => {
    expect(convert({ type: "integer", format: "int64", minimum: "5", maximum: "525600" }).schema).toMatchObject({ type: "integer", minimum: 5, maximum: 525600 });
  });

  it("drops documentation-page flags (doc…) silently but reports keywords it does not map", () => {
    const { issues } = convert({ type: "string", docRequired: true, contentMediaType: "text/plain" });
    expect(issues).toEqual(["parameters/P/schema/contentMediaType: schema keyword 'contentMediaType' is not mapped"]);
  });
});
