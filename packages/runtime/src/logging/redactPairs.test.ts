import { expect, it } from "vitest";
import type { OperationDescriptor } from "../operation.js";
import { decodePairs, redactPairs } from "./redactPairs.js";

const op: OperationDescriptor = {
  product: "Demo",
  version: "2020-01-01",
  action: "Tag",
  style: "ROA",
  method: "POST",
  pathname: "/?tagging",
  fixedQuery: [["tagging", ""]],
  access: "write",
  endpoints: { pattern: "demo.{regionId}.aliyuncs.com" },
  parameters: [
    { name: "Size", in: "query", schema: { type: "integer" } },
    { name: "Name", in: "query", schema: { type: "string" } },
    { name: "Size", in: "body", schema: { type: "string" } },
  ],
};

it("prints every name, and values the descriptor proves safe or fixes itself", () => {
  expect(redactPairs(decodePairs("tagging=&Size=3&Name=a%20b&Format=json&Other=x"), op, "query")).toBe("tagging=&Size=3&Name=<redacted>&Format=json&Other=<redacted>");
});

it("judges body pairs by the body parameters, and decodes + as a space", () => {
  expect(decodePairs("Name=a+b")).toEqual([["Name", "a b"]]);
  expect(redactPairs([["Size", "3"], ["tagging", ""]], op, "body")).toBe("Size=<redacted>&tagging=<redacted>");
});
