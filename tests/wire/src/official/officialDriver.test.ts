import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonReply, startCaptureServer, type CaptureServer, type CapturedRequest } from "../capture/captureServer.js";
import { compareRequests } from "../compare/compareRequests.js";
import { decodeBody, parseQuery } from "../compare/decode.js";
import { verifySignature } from "../compare/verifySignature.js";
import { loadMetadata, metadataFile, type MetaOperation } from "../metadata/loadMetadata.js";
import { PRODUCTS, type ProductCode } from "../products.js";
import { WIRE_CREDENTIALS } from "../runProduct.js";
import { createOfficialDriver, officialClientWithCredentialsPackage } from "./officialDriver.js";
import { parameterNames } from "./mapInput.js";
import { loadSdk } from "./loadSdk.js";
import { withPinnedSigning } from "./pinClock.js";

const available = (Object.keys(PRODUCTS) as ProductCode[]).every((c) => metadataFile(PRODUCTS[c]) !== undefined);
let server: CaptureServer;
const ops = new Map<string, MetaOperation>();
const DATE = new Date("2025-03-04T05:06:07Z");

function op(code: ProductCode, action: string): MetaOperation {
  const key = `${code}/${action}`;
  if (!ops.has(key)) {
    for (const o of loadMetadata(metadataFile(PRODUCTS[code])!).operations) ops.set(`${code}/${o.action}`, o);
  }
  return ops.get(key)!;
}

/** Sends `input` through the official SDK of `code` and returns the one captured request. */
async function send(code: ProductCode, action: string, input: Record<string, unknown>, kind: "ak" | "sts" = "ak"): Promise<CapturedRequest> {
  const driver = createOfficialDriver(PRODUCTS[code], server.host, WIRE_CREDENTIALS);
  const planned = driver.plan(op(code, action), input);
  if (!planned.ok) throw new Error(planned.skew.map((s) => s.reason).join("; "));
  const key = `driver-${code}-${action}-${kind}`;
  server.expect(key, jsonReply(key));
  const outcome = await driver.call(planned.plan, kind, { date: DATE, nonce: key });
  const got = server.take(key);
  expect(got, outcome.error).toHaveLength(1);
  return got[0]!;
}

beforeAll(async () => {
  server = await startCaptureServer();
});
afterAll(async () => {
  await server?.close();
});

describe("parameterNames", () => {
  it("reads a method's parameter list from its source", () => {
    expect(parameterNames(async function deleteClusterWithOptions(_ClusterId: never, _tmpReq: never, _headers: never, _runtime: never) {})).toEqual(["_ClusterId", "_tmpReq", "_headers", "_runtime"]);
    const cs = loadSdk(PRODUCTS.cs);
    expect(parameterNames((cs.Client.prototype as Record<string, never>)["deleteTriggerWithOptions"]!)).toEqual(["clusterId", "Id", "headers", "runtime"]);
  });
});

describe.skipIf(!available)("official driver on real operations", () => {
  it("NAS CreateDataFlow: query parameters, repeatList flattened by the SDK, pinned date and nonce, one attempt", async () => {
    const req = await send("nas", "CreateDataFlow", { FileSystemId: "cpfs-1", SourceStorage: "oss://b", AutoRefreshs: [{ RefreshPath: "/a b" }, { RefreshPath: "/c" }], DryRun: true });
    expect(req.method).toBe("POST");
    expect(parseQuery(req.rawQuery)).toEqual(expect.arrayContaining([["AutoRefreshs.1.RefreshPath", "/a b"], ["AutoRefreshs.2.RefreshPath", "/c"], ["DryRun", "true"], ["FileSystemId", "cpfs-1"]]));
    expect(req.headers["x-acs-date"]).toBe("2025-03-04T05:06:07Z");
    expect(req.headers["x-acs-signature-nonce"]).toBe("driver-nas-CreateDataFlow-ak");
    expect(verifySignature(req, WIRE_CREDENTIALS.ak.accessKeySecret).ok).toBe(true);
  });

  it("ECS RunInstances and DescribeInstances: dotted metadata names go into the SDK's nested models and lists", async () => {
    const run = await send("ecs", "RunInstances", { RegionId: "cn-hangzhou", "SystemDisk.Size": "40", DataDisk: [{ Size: 20, Category: "cloud" }] });
    expect(parseQuery(run.rawQuery)).toEqual(expect.arrayContaining([["SystemDisk.Size", "40"], ["DataDisk.1.Size", "20"], ["DataDisk.1.Category", "cloud"]]));
    const describe = await send("ecs", "DescribeInstances", { RegionId: "cn-hangzhou", "Filter.1.Key": "k", "Filter.1.Value": "v" });
    expect(parseQuery(describe.rawQuery)).toEqual(expect.arrayContaining([["Filter.1.Key", "k"], ["Filter.1.Value", "v"]]));
  });

  it("ECS: a field the SDK model lacks is reported as skew and left out of the shared input", () => {
    const driver = createOfficialDriver(PRODUCTS.ecs, server.host, WIRE_CREDENTIALS);
    const planned = driver.plan(op("ecs", "AddTags"), { RegionId: "r", ResourceId: "i", ResourceType: "instance", Tag: [{ key: "lower", Key: "Upper" }] });
    if (!planned.ok) throw new Error("AddTags not planned");
    expect(planned.plan.skew).toEqual([{ kind: "field", path: "AddTags.Tag[0].key", reason: "not a field of SDK model AddTagsRequestTag" }]);
    expect(planned.plan.sharedInput.Tag).toEqual([{ Key: "Upper" }]);
    const missing = driver.plan({ ...op("ecs", "AddTags"), action: "NoSuchOperation" }, {});
    expect(missing).toMatchObject({ ok: false, skew: [{ kind: "operation" }] });
  });

  it("NAS: a value of another type than the SDK declares is sent as given and noted as type skew", () => {
    const driver = createOfficialDriver(PRODUCTS.nas, server.host, WIRE_CREDENTIALS);
    const planned = driver.plan(op("nas", "CreateDataFlow"), { FileSystemId: 7, SourceStorage: "oss://b" });
    if (!planned.ok) throw new Error("CreateDataFlow not planned");
    expect(planned.plan.skew).toEqual([{ kind: "type", path: "CreateDataFlow.FileSystemId", reason: "SDK declares string, metadata value is number; given as the metadata types it" }]);
    expect(planned.plan.sharedInput).toEqual({ FileSystemId: 7, SourceStorage: "oss://b" });
  });

  it("VPC CreateVpnConnection: a formData parameter travels in the form body", async () => {
    const req = await send("vpc", "CreateVpnConnection", { RegionId: "cn-hangzhou", CustomerGatewayId: "cgw", VpnGatewayId: "vpn", LocalSubnet: "10.0.0.0/8", RemoteSubnet: "10.1.0.0/16", TunnelOptionsSpecification: [{ Role: "master", EnableDpd: true }] });
    const body = decodeBody(req.body, req.headers["content-type"]);
    expect(body.kind).toBe("form");
    expect(JSON.stringify(body)).toContain("TunnelOptionsSpecification.1.Role");
  });

  it("CS: path arguments by name and order, json-style query shrunk by the SDK, a flattened JSON body", async () => {
    const del = await send("cs", "DeleteCluster", { ClusterId: "c-1", retain_resources: ["a", "b"], delete_options: [{ resource_type: "SLB", delete_mode: "delete" }] });
    expect(del.method).toBe("DELETE");
    expect(del.rawPath).toBe("/clusters/c-1");
    expect(parseQuery(del.rawQuery)).toEqual(expect.arrayContaining([["retain_resources", '["a","b"]']]));
    const trigger = await send("cs", "DeleteTrigger", { cluster_id: "c-2", Id: "t-1" });
    expect(trigger.rawPath).toBe("/clusters/c-2/triggers/t-1");
    const modify = await send("cs", "ModifyClusterNodePool", { ClusterId: "c", NodepoolId: "np", body: { concurrency: true, nodepool_info: { name: "n" } } });
    expect(decodeBody(modify.body, modify.headers["content-type"])).toEqual({ kind: "json", value: { concurrency: true, nodepool_info: { name: "n" } } });
    const uninstall = await send("cs", "UnInstallClusterAddons", { ClusterId: "c", addons: [{ name: "a" }] });
    expect(decodeBody(uninstall.body, uninstall.headers["content-type"])).toEqual({ kind: "json", value: [{ name: "a" }] });
  });

  it("FC: request.body as a model, header parameters in the Headers model, an octet-stream body from bytes", async () => {
    const alias = await send("fc", "CreateAlias", { functionName: "f", body: { aliasName: "a", versionId: "1" } });
    expect(alias.rawPath).toBe("/2023-03-30/functions/f/aliases");
    expect(decodeBody(alias.body, alias.headers["content-type"])).toEqual({ kind: "json", value: { aliasName: "a", versionId: "1" } });
    const bytes = Buffer.from([0, 255, 1, 254]);
    const invoke = await send("fc", "InvokeFunction", { functionName: "f", "x-fc-invocation-type": "Async", body: bytes }, "sts");
    expect(invoke.headers["content-type"]).toBe("application/octet-stream");
    expect(invoke.headers["x-fc-invocation-type"]).toBe("Async");
    expect(invoke.body.equals(bytes)).toBe(true);
    expect(invoke.headers["x-acs-security-token"] === WIRE_CREDENTIALS.sts.securityToken).toBe(true);
    expect(verifySignature(invoke, WIRE_CREDENTIALS.sts.accessKeySecret).ok).toBe(true);
  });

  it("pins date and nonce per asynchronous context, concurrently, and leaves Date alone outside", async () => {
    const driver = createOfficialDriver(PRODUCTS.nas, server.host, WIRE_CREDENTIALS);
    const planned = driver.plan(op("nas", "DescribeRegions"), {});
    if (!planned.ok) throw new Error("DescribeRegions not planned");
    const dates = ["2025-01-01T00:00:00Z", "2026-12-31T23:59:59Z", "2025-07-15T12:00:00Z"];
    await Promise.all(
      dates.map(async (d, i) => {
        server.expect(`concurrent-${i}`, jsonReply("r"));
        await driver.call(planned.plan, "ak", { date: new Date(d), nonce: `concurrent-${i}` });
      }),
    );
    dates.forEach((d, i) => expect(server.take(`concurrent-${i}`).map((r) => r.headers["x-acs-date"])).toEqual([d]));
    expect(await withPinnedSigning({ date: new Date(0), nonce: "n" }, () => Promise.resolve(new Date().getFullYear()))).toBeGreaterThan(2024);
  });

  it("with @alicloud/credentials, the official client adds x-acs-credentials-provider: a deliberate difference", async () => {
    const client = officialClientWithCredentialsPackage(PRODUCTS.nas, server.host, WIRE_CREDENTIALS.ak);
    const driver = createOfficialDriver(PRODUCTS.nas, server.host, WIRE_CREDENTIALS);
    const planned = driver.plan(op("nas", "DescribeRegions"), {});
    if (!planned.ok) throw new Error("DescribeRegions not planned");
    server.expect("provider", jsonReply("r"));
    await withPinnedSigning({ date: DATE, nonce: "provider" }, () => client[planned.plan.method]!.apply(client, planned.plan.buildArgs()));
    const [withProvider] = server.take("provider");
    const plain = await send("nas", "DescribeRegions", {});
    expect(withProvider!.headers["x-acs-credentials-provider"]).toBe("static_ak");
    const c = compareRequests(plain, { ...withProvider!, headers: { ...withProvider!.headers, "x-acs-signature-nonce": plain.headers["x-acs-signature-nonce"]! } }, { secret: WIRE_CREDENTIALS.ak.accessKeySecret, accessKeyId: WIRE_CREDENTIALS.ak.accessKeyId, inputHasToken: false });
    // The nonce was swapped after signing, so that side's signature cannot verify; everything else is the provider header.
    const rest = c.differences.filter((d) => !d.line.startsWith("official signature"));
    expect(rest.map((d) => d.deliberate)).toEqual(["credentials-provider", "credentials-provider"]);
  });
});
