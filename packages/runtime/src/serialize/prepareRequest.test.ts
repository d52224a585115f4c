import { describe, expect, it } from "vitest";
import type { OperationDescriptor } from "../operation.js";
import { prepareRequest } from "./prepareRequest.js";

const roa: OperationDescriptor = {
  product: "CS",
  version: "2015-12-15",
  action: "AttachInstances",
  style: "ROA",
  method: "POST",
  pathname: "/clusters/{ClusterId}/attach",
  access: "write",
  body: { encoding: "json", root: "body", sendEmpty: true },
  endpoints: { pattern: "cs.{regionId}.aliyuncs.com" },
  parameters: [
    { name: "ClusterId", in: "path", required: true, schema: { type: "string" } },
    { name: "dry", in: "query", schema: { type: "boolean" } },
    { name: "x-trace", in: "header", schema: { type: "string" } },
    { name: "body", in: "body", schema: { type: "object" } },
  ],
};

describe("prepareRequest", () => {
  it("builds an ROA request: encoded path, query, header parameters, JSON body with its content type", () => {
    const r = prepareRequest(roa, { ClusterId: "c/1", dry: true, "x-trace": "t", body: { instances: ["i-1"] } }, "ua");
    expect(r).toMatchObject({
      method: "POST",
      hostPrefix: "",
      pathname: "/clusters/c%2F1/attach",
      path: "/clusters/c%2F1/attach?dry=true",
      query: [["dry", "true"]],
      body: '{"instances":["i-1"]}',
    });
    expect(r.headers).toEqual({
      "x-trace": "t",
      "x-acs-action": "AttachInstances",
      "x-acs-version": "2015-12-15",
      accept: "application/json",
      "user-agent": "ua",
      "content-type": "application/json; charset=utf-8",
    });
  });

  it("sends {} with a signed content type when the root object is absent, as the official client does", () => {
    const r = prepareRequest(roa, { ClusterId: "c" }, "ua");
    expect([r.body, r.headers["content-type"]]).toEqual(["{}", "application/json; charset=utf-8"]);
  });

  it("puts fixed query parameters first, host parameters in front of the host, and no content type without a body", () => {
    const { body: _body, ...bodiless } = roa;
    const op: OperationDescriptor = {
      ...bodiless,
      method: "GET",
      pathname: "/",
      fixedQuery: [["tagging", ""]],
      parameters: [
        { name: "Project", in: "host", schema: { type: "string" } },
        { name: "Q", in: "query", schema: { type: "string" } },
      ],
    };
    const r = prepareRequest(op, { Project: "p1", Q: "v" }, "ua");
    expect([r.hostPrefix, r.path, r.body, r.headers["content-type"]]).toEqual(["p1.", "/?tagging=&Q=v", undefined, undefined]);
  });

  it("asks for JSON with Format=json on anonymous RPC calls only", () => {
    const { body: _body, ...bodiless } = roa;
    const rpc: OperationDescriptor = { ...bodiless, style: "RPC", pathname: "/", auth: "Anonymous", parameters: [] };
    expect(prepareRequest(rpc, {}, "ua").query).toEqual([["Format", "json"]]);
    expect(prepareRequest({ ...rpc, auth: "AK" }, {}, "ua").query).toEqual([]);
    expect(prepareRequest({ ...rpc, style: "ROA" }, {}, "ua").query).toEqual([]);
  });

  it("refuses an input whose parameters put the same key on the wire twice, in the query or a form body", () => {
    const rpc: OperationDescriptor = {
      ...roa,
      style: "RPC",
      pathname: "/",
      body: { encoding: "form", sendEmpty: true },
      parameters: [
        { name: "DataDisk.1.Size", in: "query", schema: { type: "integer" } },
        { name: "DataDisk", in: "query", serialization: "repeatList", schema: { type: "array", items: { type: "object" } } },
        { name: "Tag.1.Key", in: "body", schema: { type: "string" } },
        { name: "Tag", in: "body", schema: { type: "array", items: { type: "object" } } },
      ],
    };
    expect(() => prepareRequest(rpc, { "DataDisk.1.Size": 40, DataDisk: [{ Size: 20 }] }, "ua")).toThrow(/DataDisk\.1\.Size is set twice/);
    expect(() => prepareRequest(rpc, { "Tag.1.Key": "a", Tag: [{ Key: "b" }] }, "ua")).toThrow(/Tag\.1\.Key is set twice/);
    expect(prepareRequest(rpc, { "DataDisk.1.Size": 40, DataDisk: [{ Category: "x" }] }, "ua").query).toEqual([
      ["DataDisk.1.Size", "40"],
      ["DataDisk.1.Category", "x"],
    ]);
  });
});
