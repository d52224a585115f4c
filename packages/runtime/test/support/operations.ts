// Test-only operation descriptors covering the three retry classes: a read, a write with an idempotency
// token, and a write without one. Hand-written (not generated) so the runtime's tests do not depend on specs.
import type { EndpointRules, OperationDescriptor } from "../../src/operation.js";

export const DEMO_ENDPOINTS: EndpointRules = {
  pattern: "demo.{regionId}.aliyuncs.com",
  vpcPattern: "demo-vpc.{regionId}.aliyuncs.com",
  regions: { "cn-hangzhou-finance": "demo.aliyuncs.com" },
};

const common = { product: "Demo", version: "2020-01-01", style: "RPC", method: "POST", pathname: "/", endpoints: DEMO_ENDPOINTS } as const;

/** A write made idempotent by `ClientToken`. */
export const createThing: OperationDescriptor = {
  ...common,
  action: "CreateThing",
  access: "write",
  idempotencyToken: "ClientToken",
  parameters: [
    { name: "Name", in: "query", required: true, schema: { type: "string" } },
    { name: "ClientToken", in: "query", schema: { type: "string", maxLength: 64 } },
  ],
};

/** A write with no idempotency token: repeating it after the service acted could act twice. */
export const deleteThing: OperationDescriptor = {
  ...common,
  action: "DeleteThing",
  access: "write",
  parameters: [{ name: "ThingId", in: "query", required: true, schema: { type: "string" } }],
};

/** A read: always safe to repeat. */
export const describeThings: OperationDescriptor = {
  ...common,
  action: "DescribeThings",
  access: "read",
  parameters: [{ name: "PageSize", in: "query", schema: { type: "integer", minimum: 1, maximum: 100 } }],
};

/** A read with a list of objects whose fields are listed (`Filters`), a free-form map (`Tags`) and a typed map (`Labels`). */
export const filterThings: OperationDescriptor = {
  ...common,
  action: "FilterThings",
  access: "read",
  parameters: [
    { name: "FileSystemId", in: "query", required: true, schema: { type: "string", minLength: 1 } },
    {
      name: "Filters",
      in: "query",
      serialization: "repeatList",
      schema: { type: "array", maxItems: 10, items: { type: "object", properties: { Key: { type: "string", enum: ["Status", "FsetIds"] }, Value: { type: "string" } } } },
    },
    { name: "Tags", in: "query", schema: { type: "object" } },
    { name: "Labels", in: "query", serialization: "json", schema: { type: "object", additionalProperties: { type: "string", maxLength: 8 } } },
    { name: "PageSize", in: "query", schema: { type: "integer", minimum: 1, maximum: 100 } },
  ],
};
