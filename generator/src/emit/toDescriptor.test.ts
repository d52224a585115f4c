import { describe, expect, it } from "vitest";
import { modelFor } from "../../test/modelFor.js";
import { errorTable, schemaDescriptor, toDescriptor } from "./toDescriptor.js";

describe("toDescriptor", () => {
  it("leaves out the defaults: AK auth, a JSON response, no body, no fixed query", () => {
    expect(toDescriptor(modelFor({ parameters: [{ name: "Id", in: "query", required: true, schema: { type: "string", description: "docs stay out" } }] }))).toEqual({
      product: "Demo",
      version: "2024-01-01",
      action: "DoThing",
      style: "RPC",
      method: "POST",
      pathname: "/",
      access: "write",
      endpoints: { pattern: "demo.{regionId}.aliyuncs.com" },
      parameters: [{ name: "Id", in: "query", required: true, schema: { type: "string" } }],
    });
  });

  it("names each parameter's wire location, and carries body, auth, response kind and fixed query", () => {
    const model = modelFor(
      {
        "x-acs-style": "ROA",
        "x-acs-auth": "Anonymous",
        "x-acs-fixed-query": { tagging: "" },
        "x-acs-body": { encoding: "json", root: "body", sendEmpty: true },
        parameters: [
          { name: "ClusterId", in: "path", required: true, schema: { type: "string" } },
          { name: "x-trace", in: "header", schema: { type: "string" } },
          { name: "Project", in: "query", "x-acs-in": "host", schema: { type: "string" } },
          { name: "body", in: "query", "x-acs-in": "body", schema: { type: "object", properties: { a: { type: "string" } } } },
        ],
        responses: { "200": { description: "OK", content: { "application/json": { schema: { type: "array", items: { type: "string" } } } } } },
      },
      "/clusters/{ClusterId}",
    );
    const d = toDescriptor(model);
    expect(d).toMatchObject({ auth: "Anonymous", fixedQuery: [["tagging", ""]], body: { encoding: "json", root: "body", sendEmpty: true }, response: "array" });
    expect((d.parameters as { name: string; in: string }[]).map((p) => `${p.name}:${p.in}`)).toEqual(["ClusterId:path", "x-trace:header", "Project:host", "body:body"]);
  });

  it("keeps what the runtime checks of a schema: limits, enums, nesting, maps and the binary format", () => {
    expect(
      schemaDescriptor({
        type: "object",
        description: "dropped",
        properties: { n: { type: "integer", minimum: 1, maximum: 9, example: 3 }, b: { type: "string", format: "binary" }, e: { type: "boolean", enum: [true] } },
        additionalProperties: { type: "string", maxLength: 3 },
        required: ["n"],
      }),
    ).toEqual({
      type: "object",
      required: ["n"],
      properties: { n: { type: "integer", minimum: 1, maximum: 9 }, b: { type: "string", format: "binary" }, e: { type: "boolean", enum: [true] } },
      additionalProperties: { type: "string", maxLength: 3 },
    });
    expect(schemaDescriptor({ type: "object", additionalProperties: true })).toEqual({ type: "object", additionalProperties: true });
  });
});

describe("errorTable", () => {
  it("lists each documented error code once with every HTTP status it is answered with, leaving out success-status codes", () => {
    const model = modelFor({
      responses: {
        "200": { description: "OK", "x-acs-error-codes": [{ code: "Already.Done", message: "" }] },
        "400": { description: "e", "x-acs-error-codes": [{ code: "Conflict", message: "" }, { code: "Bad", message: "" }] },
        "409": { description: "e", "x-acs-error-codes": [{ code: "Conflict", message: "" }] },
      },
    });
    expect(errorTable(model)).toEqual({ Bad: [400], Conflict: [400, 409] });
    expect(model.nonErrorCodes.map((e) => e.code)).toEqual(["Already.Done"]);
  });
});
