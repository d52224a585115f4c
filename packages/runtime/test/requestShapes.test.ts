// End to end through invokeOperation against a local server: each request shape the descriptor can describe
// is sent as Alibaba's official clients send it, and signed so that an independent verifier accepts it.
import { afterEach, describe, expect, it } from "vitest";
import { TEST_ACCESS_KEY_SECRET, jsonReply, startFakeServer, verifySignatureV3, type FakeHandler, type FakeServer } from "@acs-modular/testing";
import { invokeOperation } from "../src/invokeOperation.js";
import type { OperationDescriptor } from "../src/operation.js";
import { testClient } from "./support/testClient.js";

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: FakeHandler = () => jsonReply(200, { RequestId: "r" })) {
  server = await startFakeServer(handler);
  return testClient(server.host, { maxAttempts: 1 });
}

const endpoints = { pattern: "x.{regionId}.aliyuncs.com" };

const attach: OperationDescriptor = {
  product: "CS",
  version: "2015-12-15",
  action: "AttachInstances",
  style: "ROA",
  method: "POST",
  pathname: "/clusters/{ClusterId}/attach",
  access: "write",
  body: { encoding: "json", root: "body", sendEmpty: true },
  endpoints,
  parameters: [
    { name: "ClusterId", in: "path", required: true, schema: { type: "string" } },
    { name: "body", in: "body", schema: { type: "object", properties: { instances: { type: "array", items: { type: "string" } } } } },
  ],
};

const invoke: OperationDescriptor = {
  product: "FC",
  version: "2023-03-30",
  action: "InvokeFunction",
  style: "FC",
  method: "POST",
  pathname: "/2023-03-30/functions/{functionName}/invocations",
  access: "write",
  body: { encoding: "binary", root: "body" },
  response: "binary",
  endpoints,
  parameters: [
    { name: "functionName", in: "path", required: true, schema: { type: "string" } },
    { name: "x-fc-invocation-type", in: "header", schema: { type: "string" } },
    { name: "body", in: "body", schema: { type: "string", format: "binary" } },
  ],
};

describe("request shapes", () => {
  it("ROA: a path value with / stays one segment, the body is JSON, and the signature verifies", async () => {
    const client = await serve();
    await invokeOperation(client, attach, { ClusterId: "c/1 x", body: { instances: ["i-1"] } });
    const [req] = server!.requests;
    expect(req!.pathname).toBe("/clusters/c%2F1%20x/attach");
    expect(req!.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(JSON.parse(req!.body)).toEqual({ instances: ["i-1"] });
    expect(verifySignatureV3(req!, TEST_ACCESS_KEY_SECRET)).toMatchObject({ ok: true, reason: "" });
  });

  it("ROA: an absent root body object is sent as {} with its content type", async () => {
    const client = await serve();
    await invokeOperation(client, attach, { ClusterId: "c" });
    expect([server!.requests[0]!.body, server!.requests[0]!.headers["content-type"]]).toEqual(["{}", "application/json; charset=utf-8"]);
  });

  it("FC: raw bytes out and in, header parameters sent, octet-stream content type", async () => {
    const answer = Buffer.from([0xff, 0x00, 0x80]);
    const client = await serve(() => ({ status: 200, headers: { "content-type": "application/octet-stream" }, body: answer as unknown as string }));
    const payload = new Uint8Array([0xde, 0xad, 0xbe, 0xef]);
    const out = await invokeOperation(client, invoke, { functionName: "f", "x-fc-invocation-type": "Sync", body: payload });
    const [req] = server!.requests;
    expect(req!.headers["x-fc-invocation-type"]).toBe("Sync");
    expect(req!.headers["content-type"]).toBe("application/octet-stream");
    expect(Buffer.from(req!.bodyBytes!)).toEqual(Buffer.from(payload));
    expect(verifySignatureV3(req!, TEST_ACCESS_KEY_SECRET).ok).toBe(true);
    expect(out).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(out as Uint8Array)).toEqual(answer);
  });

  it("anonymous: sent unsigned, without asking the credential provider", async () => {
    server = await startFakeServer(() => jsonReply(200, { RequestId: "r" }));
    let asked = 0;
    const client = testClient(server.host, {
      credentials: {
        getCredentials: () => {
          asked++;
          return Promise.reject(new Error("no credentials here"));
        },
      },
    });
    const anonymous: OperationDescriptor = { ...attach, style: "RPC", pathname: "/", auth: "Anonymous", parameters: [], access: "read" };
    await expect(invokeOperation(client, anonymous, {})).resolves.toEqual({ RequestId: "r" });
    const [req] = server.requests;
    expect(req!.headers.authorization).toBeUndefined();
    expect(req!.query).toEqual([["Format", "json"]]);
    expect(asked).toBe(0);
  });

  it("host parameters prefix the endpoint's host", async () => {
    const client = await serve();
    const op: OperationDescriptor = { ...attach, pathname: "/", parameters: [{ name: "Project", in: "host", schema: { type: "string" } }] };
    const seen: string[] = [];
    const recording = testClient(server!.host, {
      maxAttempts: 1,
      transport: (request, options) => {
        seen.push(request.host);
        return client.config.transport({ ...request, host: server!.host }, options);
      },
    });
    await invokeOperation(recording, op, { Project: "p1" });
    expect(seen).toEqual([`p1.${server!.host}`]);
  });
});
