import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpecs } from "../spec/loadSpecs.js";
import type { OperationSpecDocument, SpecOperation } from "../spec/types.js";
import { singleOperation } from "../spec/validateSpec.js";
import type { ApiDocs, ApiDocsApi } from "./apiDocs.js";
import { UnsupportedStyleError, convertApiDocs, readExistingSpecs, writeImportedSpecs } from "./importApiDocs.js";

// Small metadata documents written for these tests (facts only, in the api-docs shape): each exercises one rule.

const components = {
  schemas: {
    Tag: { type: "object", properties: { key: { type: "string", required: true }, value: { type: "string" } } },
    Node: { type: "object", properties: { child: { $ref: "#/components/schemas/Node" } } },
  },
};

const endpoints = [
  { regionId: "cn-hangzhou", endpoint: "cs.cn-hangzhou.aliyuncs.com" },
  { regionId: "cn-beijing", endpoint: "cs.cn-beijing.aliyuncs.com\t" },
  { regionId: "cn-shanghai-finance-1", endpoint: "cs.aliyuncs.com" },
];

const UpdateCluster: ApiDocsApi = {
  summary: "更新集群的配置",
  description: "这是阿里云的说明文字",
  path: "/clusters/[ClusterId]",
  methods: ["put"],
  consumes: ["application/json"],
  parameters: [
    { name: "ClusterId", in: "path", schema: { type: "string", required: true, example: "c-1", description: "集群ID" } },
    { name: "x-request-tag", in: "header", schema: { type: "string" } },
    { name: "body", in: "body", style: "json", schema: { type: "object", properties: { tags: { type: "array", items: { $ref: "#/components/schemas/Tag" } }, name: { type: "string", example: "测试集群名称" } } } },
    { name: "Ids", in: "query", style: "simple", schema: { type: "array", items: { type: "string" }, maxItems: "5" } },
    { name: "Tree", in: "query", style: "json", schema: { $ref: "#/components/schemas/Node" } },
    { name: "Weird", in: "cookie", schema: { type: "string" } },
  ],
  responses: { "200": { schema: { type: "object", properties: { RequestId: { type: "string" }, Count: { type: "integer", format: "int64", example: "3" } } } } },
  errorCodes: {
    "202": [{ errorCode: "RequestAccepted", errorMessage: "Accepted." }],
    "400": [{ errorCode: "Bad", errorMessage: "Bad request." }],
    "404": [{ errorCode: "Bad", errorMessage: "Listed twice." }, { errorCode: "NotFound", errorMessage: "未找到资源" }],
  },
  responseDemo: JSON.stringify([{ type: "json", example: '{"RequestId":"r-1","Count":3}' }]),
};

function roa(apis: Record<string, ApiDocsApi>, style = "ROA"): ApiDocs {
  return { info: { style, product: "CS", version: "2015-12-15" }, components, endpoints, apis };
}

function operationOf(docs: ApiDocs, action: string): SpecOperation {
  return singleOperation(convertApiDocs(docs, { code: "cs" }).operations.get(action)!).op;
}

function importToTemp(docs: ApiDocs, code: string): { root: string; written: string[] } {
  const root = mkdtempSync(join(tmpdir(), "acs-import-"));
  const written = writeImportedSpecs(join(root, "specs"), convertApiDocs(docs, { code }), "test.json");
  return { root, written };
}

describe("convertApiDocs: request shapes", () => {
  it("maps an ROA operation's path, header, query and JSON body parameters, and the result loads", () => {
    const { root, written } = importToTemp(roa({ UpdateCluster }), "cs");
    expect(written).toEqual(["cs/2015-12-15/_product.yaml", "cs/2015-12-15/UpdateCluster.yaml"]);
    const { operations, products, refused } = loadSpecs(join(root, "specs"), root);
    expect(refused).toEqual([]);
    expect(products[0]!.doc.endpoints).toEqual({ pattern: "cs.{regionId}.aliyuncs.com", regions: { "cn-shanghai-finance-1": "cs.aliyuncs.com" } });
    const { path, method, op } = singleOperation(operations[0]!.doc);
    expect([path, method, op["x-acs-style"], op["x-acs-access"]]).toEqual(["/clusters/{ClusterId}", "put", "ROA", "write"]);
    // One inline object is the whole body, and the official clients always send it (`{}` when empty).
    expect(op["x-acs-body"]).toEqual({ encoding: "json", root: "body", sendEmpty: true });
    const byName = Object.fromEntries(op.parameters.map((p) => [p.name, p]));
    expect(byName.ClusterId).toMatchObject({ in: "path", required: true, example: "c-1" });
    expect(byName["x-request-tag"]).toMatchObject({ in: "header", required: false });
    expect(byName.body).toMatchObject({ in: "query", "x-acs-in": "body" });
    expect(byName.Ids).toMatchObject({ "x-acs-serialization": "simple", schema: { type: "array", maxItems: 5, items: { type: "string" } } });
  });

  it("sends form fields for formData parameters, and for the body parameters of RPC and V3 operations", () => {
    const form: ApiDocsApi = { path: "/scale", methods: ["post"], parameters: [{ name: "Size", in: "formData", schema: { type: "integer", minimum: "1", maximum: "100", default: "10", enum: ["10", "20"] } }] };
    const op = operationOf(roa({ Scale: form }), "Scale");
    expect(op["x-acs-body"]).toEqual({ encoding: "form", sendEmpty: true });
    expect(op.parameters[0]).toMatchObject({ "x-acs-in": "formData", schema: { type: "integer", minimum: 1, maximum: 100, default: 10, enum: [10, 20] } });
    for (const style of ["RPC", "V3"]) {
      const rpc: ApiDocsApi = { methods: ["post"], parameters: [{ name: "Content", in: "body", schema: { type: "string" } }] };
      expect(operationOf(roa({ Send: rpc }, style), "Send")["x-acs-body"]).toEqual({ encoding: "form", sendEmpty: true });
    }
  });

  it("sends a body declared by reference, or an array, only when given", () => {
    const byRef: ApiDocsApi = { path: "/t", methods: ["post"], parameters: [{ name: "body", in: "body", schema: { $ref: "#/components/schemas/Tag" } }] };
    const list: ApiDocsApi = { path: "/a", methods: ["post"], parameters: [{ name: "addons", in: "body", schema: { type: "array", items: { type: "string" } } }] };
    expect(operationOf(roa({ ByRef: byRef }), "ByRef")["x-acs-body"]).toEqual({ encoding: "json", root: "body" });
    expect(operationOf(roa({ List: list }), "List")["x-acs-body"]).toEqual({ encoding: "json", root: "addons" });
  });

  it("sends octet-stream bodies as bytes and decodes octet-stream answers as bytes (FC)", () => {
    const invoke: ApiDocsApi = {
      path: "/2023-03-30/functions/{functionName}/invocations",
      methods: ["post"],
      consumes: ["application/octet-stream"],
      produces: ["application/octet-stream"],
      parameters: [
        { name: "functionName", in: "path", schema: { type: "string", required: true } },
        { name: "body", in: "body", schema: { type: "string", format: "binary" } },
      ],
      responses: { "200": { schema: { type: "string" } } },
    };
    const op = operationOf(roa({ InvokeFunction: invoke }, "FC"), "InvokeFunction");
    expect(op["x-acs-body"]).toEqual({ encoding: "binary", root: "body" });
    expect(op.responses["200"]!.content).toEqual({ "application/octet-stream": { schema: { type: "string", format: "binary" } } });
  });

  it("turns a path's ?query into the query every request carries, and keeps a host parameter as a host prefix", () => {
    const tagging: ApiDocsApi = { path: "/?tagging&v=2", methods: ["get"], parameters: [{ name: "Project", in: "host", schema: { type: "string", required: true } }] };
    const op = operationOf(roa({ GetTagging: tagging }), "GetTagging");
    expect(op["x-acs-fixed-query"]).toEqual({ tagging: "", v: "2" });
    expect(op.parameters[0]).toMatchObject({ name: "Project", in: "query", "x-acs-in": "host", required: true });
  });

  it("sends POST when the metadata allows it, otherwise the first method listed", () => {
    const methods = (list: string[]) => ({ methods: list, parameters: [] }) as ApiDocsApi;
    const docs = roa({ A: methods(["get", "post"]), B: methods(["get"]), C: methods(["head"]) }, "RPC");
    const result = convertApiDocs(docs, { code: "cs" });
    const sent = (a: string) => singleOperation(result.operations.get(a)!);
    expect([sent("A").method, sent("A").op["x-acs-methods"]]).toEqual(["post", ["GET", "POST"]]);
    expect([sent("B").method, sent("C").method]).toEqual(["get", "head"]);
  });

  it("signs AK operations, sends anonymous ones unsigned, and refuses schemes it cannot sign", () => {
    const api = (security: ApiDocsApi["security"], header = "x-any") => ({ methods: ["post"], security, parameters: [{ name: header, in: "header", schema: { type: "string" } }] }) as ApiDocsApi;
    const docs = roa(
      { Signed: api([{ AK: [] }, { BearerToken: [] }]), Open: api([], "Authorization"), Bearer: api([{ BearerToken: [] }]), Overwritten: api([{ AK: [] }], "Authorization") },
      "V3",
    );
    const result = convertApiDocs(docs, { code: "cs" });
    expect(singleOperation(result.operations.get("Signed")!).op["x-acs-auth"]).toBeUndefined();
    expect(singleOperation(result.operations.get("Open")!).op["x-acs-auth"]).toBe("Anonymous");
    expect(result.refused).toEqual([
      { action: "Bearer", reason: "security scheme BearerToken is not supported (this runtime signs with an AccessKey, or sends anonymously)" },
      { action: "Overwritten", reason: "header parameter 'Authorization' would be overwritten by the signature or the HTTP framing" },
    ]);
  });
});

describe("convertApiDocs: what is refused, merged or reported", () => {
  it("merges identical duplicate declarations silently and ones differing only in required as required", () => {
    const p = (required: boolean) => ({ name: "RegionId", in: "query", schema: { type: "string", required } });
    const docs = roa({ Same: { methods: ["post"], parameters: [p(true), p(true)] }, Differ: { methods: ["post"], parameters: [p(false), p(true)] } }, "RPC");
    const result = convertApiDocs(docs, { code: "cs" });
    for (const a of ["Same", "Differ"]) expect(singleOperation(result.operations.get(a)!).op.parameters).toEqual([{ name: "RegionId", in: "query", required: true, schema: { type: "string" } }]);
    expect(result.issues.filter((i) => i.field === "parameters/RegionId").map((i) => `${i.operation}: ${i.message}`)).toEqual([
      "Differ: declared 2 times, differing only in 'required'; merged as required",
    ]);
  });

  it("refuses one operation with a one-line reason and imports the rest of the product", () => {
    const docs = roa(
      {
        Typed: { methods: ["post"], parameters: [{ name: "Id", in: "query", schema: { type: "string" } }, { name: "Id", in: "query", schema: { type: "integer" } }] },
        Xml: { methods: ["post"], parameters: [{ name: "Doc", in: "body", style: "xml", schema: { type: "object" } }] },
        Cookie: { methods: ["post"], parameters: [{ name: "Session", in: "cookie", schema: { type: "string", required: true } }] },
        "bad-name": { methods: ["post"], parameters: [] },
        Fine: { methods: ["post"], parameters: [] },
      },
      "RPC",
    );
    const result = convertApiDocs(docs, { code: "cs" });
    expect([...result.operations.keys()]).toEqual(["Fine"]);
    expect(result.refused).toEqual([
      { action: "Cookie", reason: `required parameter "Session": location 'cookie' is not sent by this runtime` },
      { action: "Typed", reason: "parameter 'Id' is declared 2 times with different locations, types or limits" },
      { action: "Xml", reason: "parameter 'Doc' uses the 'xml' style, which this runtime does not encode" },
      { action: "bad-name", reason: "the action name is not a valid operation id" },
    ]);
  });

  it("imports a lower-case action under its own wire name", () => {
    const result = convertApiDocs(roa({ listTagResources: { methods: ["post"], parameters: [] } }, "RPC"), { code: "cs" });
    expect(singleOperation(result.operations.get("listTagResources")!).op["x-acs-action"]).toBe("listTagResources");
  });

  it("refuses a whole product whose style signs differently (SLS, OSS)", () => {
    expect(() => convertApiDocs(roa({ GetLogs: { methods: ["get"], parameters: [] } }, "SLS"), { code: "sls" })).toThrow(UnsupportedStyleError);
    expect(() => convertApiDocs(roa({}, "SLS"), { code: "sls" })).toThrow(/style 'SLS' is not supported/);
  });

  it("never drops a parameter silently: every metadata parameter is either in the spec or in the report", () => {
    const result = convertApiDocs(roa({ UpdateCluster }), { code: "cs" });
    const op = singleOperation(result.operations.get("UpdateCluster")!).op;
    const kept = new Set(op.parameters.map((p) => p.name));
    const reported = new Set(result.issues.filter((i) => i.message.startsWith("NOT IMPORTED")).map((i) => i.field.split("/")[1]));
    for (const p of UpdateCluster.parameters!) expect(kept.has(p.name) || reported.has(p.name)).toBe(true);
    expect([...reported]).toEqual(["Weird"]);
  });
});

describe("convertApiDocs: facts only", () => {
  it("keeps no prose of the metadata: summaries, descriptions, titles, and examples or messages in Chinese", () => {
    const op = operationOf(roa({ UpdateCluster }), "UpdateCluster");
    expect([op.summary, op.description]).toEqual([undefined, undefined]);
    const text = JSON.stringify(op);
    expect(text).not.toMatch(/[\u4e00-\u9fff]/u);
    expect(op.parameters.find((p) => p.name === "body")!.schema.properties!.name).toEqual({ type: "string" });
    expect(op.responses["404"]!["x-acs-error-codes"]).toEqual([{ code: "Bad", message: "Listed twice." }, { code: "NotFound", message: "" }]);
  });

  it("converts responses and keeps error codes under every status they are listed with", () => {
    const result = convertApiDocs(roa({ UpdateCluster }), { code: "cs" });
    const op = singleOperation(result.operations.get("UpdateCluster")!).op;
    expect(op.responses["200"]!.content!["application/json"]).toEqual({
      schema: { type: "object", properties: { RequestId: { type: "string" }, Count: { type: "integer", format: "int64", example: 3 } } },
      example: { RequestId: "r-1", Count: 3 },
    });
    expect(op.responses["400"]!["x-acs-error-codes"]).toEqual([{ code: "Bad", message: "Bad request." }]);
    expect(op.responses["202"]!["x-acs-error-codes"]).toEqual([{ code: "RequestAccepted", message: "Accepted." }]);
  });

  it("inlines $ref into components.schemas, with per-field required turned into a required list", () => {
    const result = convertApiDocs(roa({ UpdateCluster }), { code: "cs" });
    const op = singleOperation(result.operations.get("UpdateCluster")!).op;
    const body = op.parameters.find((p) => p.name === "body")!;
    expect(body.schema.properties!.tags!.items).toEqual({ type: "object", properties: { key: { type: "string" }, value: { type: "string" } }, required: ["key"] });
    // A recursive $ref is cut at the second visit and reported.
    const tree = op.parameters.find((p) => p.name === "Tree")!;
    expect(tree.schema).toEqual({ type: "object", properties: { child: { type: "object" } } });
    expect(result.issues).toContainEqual(expect.objectContaining({ operation: "UpdateCluster", field: "parameters/Tree/schema/properties/child", message: expect.stringMatching(/recursive/) }));
  });
});

describe("re-importing over existing specs", () => {
  const existing = (): OperationSpecDocument => {
    const doc = convertApiDocs(roa({ UpdateCluster }), { code: "cs" }).operations.get("UpdateCluster")!;
    const { op } = singleOperation(doc);
    op.summary = "Updates a cluster.";
    op.description = "Written in this repository.";
    op.parameters[0]!.description = "The cluster to update.";
    return doc;
  };

  it("keeps the wording written in this repository", () => {
    const result = convertApiDocs(roa({ UpdateCluster }), { code: "cs", existing: { operations: new Map([["UpdateCluster", existing()]]) } });
    const op = singleOperation(result.operations.get("UpdateCluster")!).op;
    expect([op.summary, op.description, op.parameters[0]!.description]).toEqual(["Updates a cluster.", "Written in this repository.", "The cluster to update."]);
    expect(Object.keys(op).slice(0, 3)).toEqual(["operationId", "summary", "description"]);
  });

  it("keeps responses, errors, access and examples that request-only metadata lacks, and says so once", () => {
    const { responses: _r, errorCodes: _e, ...request } = UpdateCluster;
    const requestsOnly = roa({ UpdateCluster: { ...request, parameters: UpdateCluster.parameters!.map((p) => ({ ...p, schema: { ...p.schema, example: undefined } })) } });
    const before = existing();
    const result = convertApiDocs(requestsOnly, { code: "cs", existing: { operations: new Map([["UpdateCluster", before]]) } });
    expect(result.requestsOnly).toBe(true);
    const op = singleOperation(result.operations.get("UpdateCluster")!).op;
    expect(op.responses).toEqual(singleOperation(before).op.responses);
    expect(op.parameters[0]!.example).toBe("c-1");
    expect(result.issues.filter((i) => i.field === "responses").map((i) => i.operation)).toEqual(["_product"]);
  });

  it("removes operation files the metadata no longer has, unless told to keep them", () => {
    const { root } = importToTemp(roa({ UpdateCluster }), "cs");
    const dir = join(root, "specs", "cs", "2015-12-15");
    writeFileSync(join(dir, "DeletedLater.yaml"), "openapi: 3.0.3\n");
    mkdirSync(join(dir, "notes"), { recursive: true });
    writeImportedSpecs(join(root, "specs"), convertApiDocs(roa({ UpdateCluster }), { code: "cs" }), "test.json", { keepMissing: true });
    expect(readdirSync(dir)).toContain("DeletedLater.yaml");
    writeImportedSpecs(join(root, "specs"), convertApiDocs(roa({ UpdateCluster }), { code: "cs" }), "test.json");
    expect(readdirSync(dir).sort()).toEqual(["UpdateCluster.yaml", "_product.yaml", "notes"]);
    expect([...readExistingSpecs(join(root, "specs"), "cs", "2015-12-15").operations.keys()]).toEqual(["UpdateCluster"]);
  });
});
