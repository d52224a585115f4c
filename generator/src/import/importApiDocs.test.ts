import { mkdtempSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpecs } from "../spec/loadSpecs.js";
import { singleOperation } from "../spec/validateSpec.js";
import type { ApiDocs } from "./apiDocs.js";
import { convertApiDocs, writeImportedSpecs } from "./importApiDocs.js";

/** A small ROA product exercising what NAS (RPC, query only) does not: path, header, body, formData, $ref. */
const ROA: ApiDocs = {
  info: { style: "ROA", product: "CS", version: "2015-12-15" },
  components: {
    schemas: {
      Tag: { type: "object", properties: { key: { type: "string", required: true }, value: { type: "string" } } },
      Node: { type: "object", properties: { child: { $ref: "#/components/schemas/Node" } } },
    },
  },
  endpoints: [
    { regionId: "cn-hangzhou", endpoint: "cs.cn-hangzhou.aliyuncs.com" },
    { regionId: "cn-beijing", endpoint: "cs.cn-beijing.aliyuncs.com" },
    { regionId: "cn-shanghai-finance-1", endpoint: "cs.aliyuncs.com" },
  ],
  apis: {
    UpdateCluster: {
      summary: "更新集群",
      path: "/clusters/[ClusterId]",
      methods: ["put"],
      parameters: [
        { name: "ClusterId", in: "path", schema: { type: "string", required: true, example: "c-1" } },
        { name: "x-request-tag", in: "header", schema: { type: "string" } },
        { name: "body", in: "body", style: "json", schema: { type: "object", properties: { tags: { type: "array", items: { $ref: "#/components/schemas/Tag" } } } } },
        { name: "Size", in: "formData", schema: { type: "integer", format: "int32", minimum: "1", maximum: "100", default: "10", enum: ["10", "20"] } },
        { name: "Ids", in: "query", style: "simple", schema: { type: "array", items: { type: "string" }, maxItems: "5" } },
        { name: "Tree", in: "query", style: "json", schema: { $ref: "#/components/schemas/Node" } },
        { name: "Weird", in: "cookie", schema: { type: "string" } },
      ],
      responses: { "200": { schema: { type: "object", properties: { RequestId: { type: "string" }, Count: { type: "integer", format: "int64", example: "3" } } } } },
      errorCodes: {
        "202": [{ errorCode: "RequestAccepted", errorMessage: "Accepted." }],
        "400": [{ errorCode: "Bad", errorMessage: "Bad request." }],
        "404": [{ errorCode: "Bad", errorMessage: "Listed twice." }, { errorCode: "NotFound", errorMessage: "Not found." }],
      },
      responseDemo: JSON.stringify([{ type: "json", example: '{"RequestId":"r-1","Count":3}' }]),
    },
  },
};

function importToTemp(docs: ApiDocs, code: string): { root: string; written: string[] } {
  const root = mkdtempSync(join(tmpdir(), "acs-import-"));
  const written = writeImportedSpecs(join(root, "specs"), convertApiDocs(docs, { code }), "test.json");
  return { root, written };
}

describe("convertApiDocs", () => {
  it("maps an ROA operation's path, header, body and formData parameters, and the result loads", () => {
    const { root, written } = importToTemp(ROA, "cs");
    expect(written).toEqual(["cs/2015-12-15/_product.yaml", "cs/2015-12-15/UpdateCluster.yaml"]);
    const { operations, products } = loadSpecs(join(root, "specs"), root);
    expect(products[0]!.doc.endpoints).toEqual({ pattern: "cs.{regionId}.aliyuncs.com", regions: { "cn-shanghai-finance-1": "cs.aliyuncs.com" } });
    const { path, method, op } = singleOperation(operations[0]!.doc);
    expect([path, method, op["x-acs-style"], op["x-acs-access"]]).toEqual(["/clusters/{ClusterId}", "put", "ROA", "write"]);
    const byName = Object.fromEntries(op.parameters.map((p) => [p.name, p]));
    expect(byName.ClusterId).toMatchObject({ in: "path", required: true, example: "c-1" });
    expect(byName["x-request-tag"]).toMatchObject({ in: "header", required: false });
    expect(byName.body).toMatchObject({ in: "query", "x-acs-in": "body", "x-acs-serialization": "json" });
    expect(byName.Size).toMatchObject({ in: "query", "x-acs-in": "formData", schema: { type: "integer", format: "int32", minimum: 1, maximum: 100, default: 10, enum: [10, 20] } });
    expect(byName.Ids).toMatchObject({ "x-acs-serialization": "simple", schema: { type: "array", maxItems: 5, items: { type: "string" } } });
  });

  it("inlines $ref into components.schemas, with per-field required turned into a required list", () => {
    const result = convertApiDocs(ROA, { code: "cs" });
    const op = singleOperation(result.operations.get("UpdateCluster")!).op;
    const body = op.parameters.find((p) => p.name === "body")!;
    expect(body.schema.properties!.tags!.items).toEqual({ type: "object", properties: { key: { type: "string" }, value: { type: "string" } }, required: ["key"] });
    // A recursive $ref is cut at the second visit and reported.
    const tree = op.parameters.find((p) => p.name === "Tree")!;
    expect(tree.schema).toEqual({ type: "object", properties: { child: { type: "object" } } });
    expect(result.issues).toContainEqual(expect.objectContaining({ operation: "UpdateCluster", field: "parameters/Tree/schema/properties/child", message: expect.stringMatching(/recursive/) }));
  });

  it("converts responses, the JSON demo and error codes, reporting what it cannot map", () => {
    const result = convertApiDocs(ROA, { code: "cs" });
    const op = singleOperation(result.operations.get("UpdateCluster")!).op;
    expect(op.responses["200"]!.content!["application/json"]).toEqual({
      schema: { type: "object", properties: { RequestId: { type: "string" }, Count: { type: "integer", format: "int64", example: 3 } } },
      example: { RequestId: "r-1", Count: 3 },
    });
    expect(op.responses["400"]!["x-acs-error-codes"]).toEqual([{ code: "Bad", message: "Bad request." }]);
    expect(op.responses["404"]!["x-acs-error-codes"]).toEqual([{ code: "NotFound", message: "Not found." }]);
    expect(op.responses["202"]).toBeUndefined();
    const fields = result.issues.map((i) => `${i.operation} ${i.field}`);
    expect(fields).toEqual(expect.arrayContaining(["UpdateCluster errorCodes/202", "UpdateCluster errorCodes/404/Bad", "UpdateCluster parameters/Weird/in"]));
  });

  it("never drops a parameter silently: every metadata parameter is either in the spec or in the report", () => {
    const result = convertApiDocs(ROA, { code: "cs" });
    const op = singleOperation(result.operations.get("UpdateCluster")!).op;
    const kept = new Set(op.parameters.map((p) => p.name));
    const reported = new Set(result.issues.filter((i) => i.message.startsWith("NOT IMPORTED")).map((i) => i.field.split("/")[1]));
    for (const p of ROA.apis.UpdateCluster!.parameters!) expect(kept.has(p.name) || reported.has(p.name)).toBe(true);
    expect([...reported]).toEqual(["Weird"]);
  });

  it("gives request-only metadata a placeholder summary and an untyped 200, and says so", () => {
    const docs: ApiDocs = { info: { style: "RPC", product: "NAS", version: "2017-06-26" }, apis: { DescribeThings: { methods: ["post", "get"], parameters: [{ name: "PageSize", in: "query", schema: { type: "integer", format: "int32", required: false } }] } } };
    const result = convertApiDocs(docs, { code: "nas" });
    const op = singleOperation(result.operations.get("DescribeThings")!).op;
    expect(op["x-acs-methods"]).toEqual(["POST", "GET"]);
    expect(op["x-acs-access"]).toBe("read");
    expect(op.responses["200"]!.content).toBeUndefined();
    expect(result.issues.map((i) => i.field)).toEqual(["summary", "responses/200"]);
    expect(result.product.endpoints.pattern).toBe("nas.{regionId}.aliyuncs.com");
  });

  it("removes operation files the metadata no longer has when re-importing into the same folder", () => {
    const { root } = importToTemp(ROA, "cs");
    const dir = join(root, "specs", "cs", "2015-12-15");
    writeFileSync(join(dir, "DeletedLater.yaml"), "openapi: 3.0.3\n");
    mkdirSync(join(dir, "notes"), { recursive: true });
    writeImportedSpecs(join(root, "specs"), convertApiDocs(ROA, { code: "cs" }), "test.json");
    expect(readdirSync(dir).sort()).toEqual(["UpdateCluster.yaml", "_product.yaml", "notes"]);
  });
});
