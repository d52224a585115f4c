// Builds an operation model from a small inline spec, for unit tests of the builders that read models.
import { buildOperationModel } from "../src/model/buildModel.js";
import type { OperationModel, ProductModel } from "../src/model/types.js";
import type { SpecOperation } from "../src/spec/types.js";

export const PRODUCT: ProductModel = { product: "Demo", code: "demo", version: "2024-01-01", title: "Demo Service", style: "RPC", endpoints: { pattern: "demo.{regionId}.aliyuncs.com" } };

/** The model of one operation: `op` overrides a minimal RPC write operation at `path` with `method`. */
export function modelFor(op: Partial<SpecOperation>, path = "/", method = "post"): OperationModel {
  const operation: SpecOperation = {
    operationId: "DoThing",
    "x-acs-action": "DoThing",
    "x-acs-style": "RPC",
    "x-acs-methods": [method.toUpperCase() as SpecOperation["x-acs-methods"][number]],
    "x-acs-access": "write",
    parameters: [],
    responses: { "200": { description: "OK" } },
    ...op,
  };
  const doc = { openapi: "3.0.3", info: { title: "Demo DoThing", version: "2024-01-01" }, "x-acs-product": "Demo", "x-acs-version": "2024-01-01", paths: { [path]: { [method]: operation } } };
  return buildOperationModel({ file: "specs/demo/2024-01-01/DoThing.yaml", doc }, PRODUCT);
}
