import { describe, expect, it } from "vitest";
import type { SpecOperation, SpecParameter, SpecSchema } from "../spec/types.js";
import { detectPagination } from "./detectPagination.js";

const param = (name: string, type: SpecSchema["type"] = "string"): SpecParameter => ({ name, in: "query", schema: { type } });
const op = (parameters: SpecParameter[], body?: SpecSchema): SpecOperation => ({
  operationId: "ListThings",
  "x-acs-action": "ListThings",
  "x-acs-style": "RPC",
  "x-acs-methods": ["POST"],
  "x-acs-access": "list",
  parameters,
  responses: { "200": body ? { description: "OK", content: { "application/json": { schema: body } } } : { description: "none" } },
});
const answer = (properties: Record<string, SpecSchema>): SpecSchema => ({ type: "object", properties });
const list: SpecSchema = { type: "array", items: { type: "object" } };

describe("detectPagination", () => {
  it("recognises NextToken/MaxResults with a NextToken in the answer, and the answer's one list", () => {
    expect(detectPagination(op([param("NextToken"), param("MaxResults", "integer")], answer({ NextToken: { type: "string" }, Things: answer({ Thing: list }) })))).toEqual({
      style: "token",
      inputToken: "NextToken",
      outputToken: "NextToken",
      pageSize: "MaxResults",
      items: "Things.Thing",
    });
  });

  it("recognises NextToken alone when the answer is not documented (request-only metadata), any casing", () => {
    expect(detectPagination(op([param("nextToken"), param("limit", "integer")]))).toEqual({ style: "token", inputToken: "nextToken", outputToken: "nextToken", pageSize: "limit" });
  });

  it("recognises PageNumber/PageSize with a TotalCount, and Marker with a NextMarker", () => {
    expect(detectPagination(op([param("PageNumber", "integer"), param("PageSize", "integer")], answer({ TotalCount: { type: "integer" }, Items: list })))).toEqual({
      style: "page",
      pageNumber: "PageNumber",
      pageSize: "PageSize",
      totalCount: "TotalCount",
      items: "Items",
    });
    expect(detectPagination(op([param("Marker"), param("MaxKeys", "integer")], answer({ NextMarker: { type: "string" } })))).toEqual({ style: "marker", inputToken: "Marker", outputToken: "NextMarker", pageSize: "MaxKeys" });
  });

  it("leaves out what cannot be paged: no token in a documented answer, string page numbers, no end signal, two lists for items", () => {
    expect(detectPagination(op([param("NextToken")], answer({ Things: list })))).toBeUndefined();
    expect(detectPagination(op([param("PageNumber"), param("PageSize")], answer({ TotalCount: { type: "integer" } })))).toBeUndefined();
    expect(detectPagination(op([param("PageNumber", "integer"), param("PageSize", "integer")], answer({ Count: { type: "integer" } })))).toBeUndefined();
    expect(detectPagination(op([param("NextToken"), param("MaxResults")], answer({ NextToken: { type: "string" }, A: list, B: list })))).toEqual({ style: "token", inputToken: "NextToken", outputToken: "NextToken" });
  });
});
