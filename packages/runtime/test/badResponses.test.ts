// Whatever a server or a proxy in front of it answers, a call ends with a typed error that keeps the HTTP
// status and the request id: never a crash, a raw SyntaxError, or a hang.
import { jsonReply, onHttpRequests, rawResponseHead, startFakeServer, startRawServer, type FakeReply } from "@acs-modular/testing";
import { afterEach, describe, expect, it } from "vitest";
import { AcsError } from "../src/errors/AcsError.js";
import { MalformedResponseError, type MalformedReason } from "../src/errors/MalformedResponseError.js";
import { ServiceError } from "../src/errors/ServiceError.js";
import { invokeOperation } from "../src/invokeOperation.js";
import { describeThings } from "./support/operations.js";
import { rejectionOf, testClient } from "./support/testClient.js";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

async function callAgainst(reply: FakeReply, maxResponseBytes?: number): Promise<unknown> {
  const server = await startFakeServer(() => reply);
  closers.push(() => server.close());
  const client = testClient(server.host, { maxAttempts: 1, ...(maxResponseBytes === undefined ? {} : { maxResponseBytes }) });
  return rejectionOf(invokeOperation(client, describeThings, {}));
}

const RID = { "x-acs-request-id": "rid-header-1" };

describe("bad responses", () => {
  it.each<[string, FakeReply, MalformedReason, number, string | undefined]>([
    ["an HTML 502 page from a proxy", { status: 502, headers: { "content-type": "text/html", ...RID }, body: "<!DOCTYPE html><html><body>502 Bad Gateway</body></html>" }, "html", 502, "rid-header-1"],
    ["an empty 200 body", { status: 200, headers: RID, body: "" }, "empty", 200, "rid-header-1"],
    ["a whitespace-only 500 body", { status: 500, body: " \n" }, "empty", 500, undefined],
    ["a plain-text body", { status: 200, headers: { "content-type": "text/plain", ...RID }, body: "OK" }, "not-json", 200, "rid-header-1"],
    ["a 200 with a JSON array", jsonReply(200, [{ RequestId: "x" }], RID), "not-an-object", 200, "rid-header-1"],
    ["a 200 with JSON null", { status: 200, body: "null" }, "not-an-object", 200, undefined],
    ["a JSON document cut short", { status: 200, headers: RID, body: '{"RequestId":"abc","Items":[' }, "truncated", 200, "rid-header-1"],
    ["an error status whose body has no Code", jsonReply(403, { RequestId: "rid-body-2", Message: "denied" }), "no-error-code", 403, "rid-body-2"],
  ])("%s → MalformedResponseError", async (_, reply, reason, status, requestId) => {
    const error = await callAgainst(reply);
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error).toBeInstanceOf(AcsError);
    expect(error).toMatchObject({ reason, httpStatus: status, requestId, code: "MalformedResponse" });
    expect((error as Error).message).toContain(`HTTP ${status}`);
  });

  it("a connection cut mid-body → truncated, with the header request id", async () => {
    const server = await startRawServer((socket) =>
      onHttpRequests(socket, () => {
        socket.write(rawResponseHead(200, { "content-length": "500", ...RID }) + '{"RequestId":"rid');
        setTimeout(() => socket.destroy(), 10);
      }),
    );
    closers.push(() => server.close());
    const error = await rejectionOf(invokeOperation(testClient(server.host, { maxAttempts: 1 }), describeThings, {}));
    expect(error).toMatchObject({ reason: "truncated", httpStatus: 200, requestId: "rid-header-1" });
  });

  it("an oversized body with content-length → too-large", async () => {
    const error = await callAgainst({ status: 200, headers: { "content-length": "4096", ...RID }, body: "x".repeat(4096) }, 1024);
    expect(error).toMatchObject({ reason: "too-large", httpStatus: 200, requestId: "rid-header-1", retryable: false });
  });

  it("an oversized body without content-length (chunked) → too-large", async () => {
    const error = await callAgainst({ status: 200, headers: RID, body: JSON.stringify({ Data: "y".repeat(4096) }) }, 1024);
    expect(error).toMatchObject({ reason: "too-large", httpStatus: 200, requestId: "rid-header-1" });
  });

  it("an Alibaba error body → ServiceError with every field", async () => {
    const body = {
      RequestId: "rid-9",
      HostId: "demo.cn-hangzhou.aliyuncs.com",
      Code: "Forbidden.RAM",
      Message: "User not authorized to operate on the specified resource.",
      Recommend: "https://api.aliyun.com/troubleshoot?q=Forbidden.RAM",
      AccessDeniedDetail: { PolicyType: "AccountLevelIdentityBasedPolicy", AuthAction: "demo:DescribeThings" },
    };
    const error = await callAgainst(jsonReply(403, body));
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({
      code: "Forbidden.RAM",
      serviceMessage: body.Message,
      requestId: "rid-9",
      hostId: body.HostId,
      recommend: body.Recommend,
      httpStatus: 403,
      accessDeniedDetail: body.AccessDeniedDetail,
      retryable: false,
      action: "DescribeThings",
      body,
    });
  });
});
