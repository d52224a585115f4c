// Operations that exist only in this suite, for wire shapes no generated operation uses yet: `json` and
// `simple` serialization, scalar lists, numbers, nested objects and lists, and form-body parameters. They
// are data for the differential test (same runtime code paths as generated descriptors), not a product.
import type { OperationDescriptor, SchemaDescriptor } from "../../src/operation.js";

const endpoints = { pattern: "synthetic.{regionId}.example.invalid" } as const;

const tag: SchemaDescriptor = {
  type: "object",
  properties: { Key: { type: "string" }, Value: { type: "string" }, Enabled: { type: "boolean" }, Weight: { type: "integer", minimum: -5, maximum: 5 } },
};

const nested: SchemaDescriptor = {
  type: "object",
  properties: {
    Name: { type: "string" },
    Ratio: { type: "number" },
    Rules: { type: "array", maxItems: 3, items: { type: "object", properties: { Path: { type: "string" }, Depth: { type: "integer", minimum: 0, maximum: 9 } } } },
    Ids: { type: "array", maxItems: 3, items: { type: "string" } },
    Inner: { type: "object", properties: { Flag: { type: "boolean" }, Note: { type: "string" } } },
  },
};

/** Query parameters in every serialization. */
export const syntheticQueryOperation: OperationDescriptor = {
  product: "Synthetic",
  version: "2024-01-01",
  action: "SerializeEverything",
  style: "RPC",
  method: "POST",
  pathname: "/",
  access: "read",
  endpoints,
  parameters: [
    { name: "Name", in: "query", required: true, schema: { type: "string" } },
    { name: "Count", in: "query", schema: { type: "integer" } },
    { name: "Ratio", in: "query", schema: { type: "number" } },
    { name: "Force", in: "query", schema: { type: "boolean" } },
    { name: "InstanceIds", in: "query", serialization: "repeatList", schema: { type: "array", maxItems: 5, items: { type: "string" } } },
    { name: "Tag", in: "query", serialization: "repeatList", schema: { type: "array", maxItems: 4, items: tag } },
    { name: "Config", in: "query", serialization: "flat", schema: nested },
    { name: "Options", in: "query", serialization: "json", schema: nested },
    { name: "Rules", in: "query", serialization: "json", schema: { type: "array", maxItems: 3, items: tag } },
    { name: "Zones", in: "query", serialization: "simple", schema: { type: "array", maxItems: 4, items: { type: "string" } } },
    { name: "Ports", in: "query", serialization: "simple", schema: { type: "array", maxItems: 4, items: { type: "integer", minimum: 0, maximum: 65535 } } },
  ],
};

/** Parameters sent in a form-encoded body next to query parameters. */
export const syntheticBodyOperation: OperationDescriptor = {
  product: "Synthetic",
  version: "2024-01-01",
  action: "SendFormBody",
  style: "RPC",
  method: "POST",
  pathname: "/",
  access: "write",
  idempotencyToken: "ClientToken",
  body: { encoding: "form", sendEmpty: true },
  endpoints,
  parameters: [
    { name: "RegionId", in: "query", required: true, schema: { type: "string", enum: ["cn-hangzhou", "ap-southeast-1"] } },
    { name: "ClientToken", in: "query", schema: { type: "string", maxLength: 64, pattern: "^[\\x00-\\x7F]*$" } },
    { name: "Content", in: "body", required: true, schema: { type: "string" } },
    { name: "Size", in: "body", schema: { type: "integer", minimum: 1, maximum: 100 } },
    { name: "Meta", in: "body", serialization: "flat", schema: nested },
    { name: "Tag", in: "body", serialization: "repeatList", schema: { type: "array", maxItems: 3, items: tag } },
    { name: "Policy", in: "body", serialization: "json", schema: nested },
  ],
};
