// Errors keep what the caller needs, end to end. Before: a reset in the middle of a body, or an invalid
// chunk size, became a NetworkError without the status and x-acs-request-id already received (and the
// invalid chunk was retried three times); an XML error body was a MalformedResponseError "html" with no code
// and no request id. A 200 whose JSON carries Code/Message stays a success, as in the official client.
// (A 503 ServiceUnavailable on a write without token, retried before, is in retries.test.ts.)
import { jsonReply, onHttpRequests, rawResponseHead, startFakeServer, startRawServer, type RawServer } from "@acs-modular/testing";
import { afterEach, describe, expect, it } from "vitest";
import { MalformedResponseError } from "../../src/errors/MalformedResponseError.js";
import { ServiceError } from "../../src/errors/ServiceError.js";
import type { ClientEvent } from "../../src/hooks/events.js";
import { invokeOperation } from "../../src/invokeOperation.js";
import { deleteThing, describeThings } from "../support/operations.js";
import { rejectionOf, testClient } from "../support/testClient.js";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

const OK_BODY = JSON.stringify({ RequestId: "rid-ok" });
const OK = rawResponseHead(200, { "content-type": "application/json", "content-length": String(OK_BODY.length) }) + OK_BODY;

/** A raw server whose first request gets `first(socket)`, and every later one a 200. */
async function firstAnswer(first: (socket: import("node:net").Socket) => void): Promise<RawServer> {
  let requests = 0;
  const server = await startRawServer((socket) =>
    onHttpRequests(socket, () => {
      if (requests++ === 0) first(socket);
      else socket.write(OK);
    }),
  );
  closers.push(() => server.close());
  return server;
}

describe("a failure after the response head keeps its status and request id", () => {
  const resetMidBody = (socket: import("node:net").Socket): void => {
    // The pause lets the client read the head first, so the reset reaches it as an error on the request:
    // the order that lost the status before. On a busy machine Node may report it through the response
    // instead, which must end the same way (both orders: requestFailure.test.ts).
    socket.write(rawResponseHead(503, { "content-length": "500", "x-acs-request-id": "rid-reset" }) + '{"Code":"Servi', () => setTimeout(() => socket.resetAndDestroy(), 50));
  };

  it("a reset mid-body → truncated with status and request id (a write is not retried: the service may have acted)", async () => {
    const server = await firstAnswer(resetMidBody);
    const error = await rejectionOf(invokeOperation(testClient(server.host), deleteThing, { ThingId: "t" }));
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error).toMatchObject({ reason: "truncated", httpStatus: 503, requestId: "rid-reset", retryable: true });
  });

  it("a reset mid-body on a read is retried, and the attempt's event names the status it arrived with", async () => {
    const server = await firstAnswer(resetMidBody);
    const events: ClientEvent[] = [];
    await expect(invokeOperation(testClient(server.host, { onEvent: (e) => events.push(e) }), describeThings, {})).resolves.toEqual({ RequestId: "rid-ok" });
    expect(events.find((e) => e.type === "attempt-end")).toMatchObject({ attempt: 1, httpStatus: 503, requestId: "rid-reset", errorCode: "MalformedResponse" });
  });

  it("an invalid chunk size → bad-framing with status and request id, and not retried (it would break the same way)", async () => {
    let requests = 0;
    const server = await startRawServer((socket) =>
      onHttpRequests(socket, () => {
        requests++;
        socket.write(rawResponseHead(200, { "transfer-encoding": "chunked", "x-acs-request-id": "rid-chunk" }) + "not-hex\r\n{}\r\n0\r\n\r\n");
      }),
    );
    closers.push(() => server.close());
    const error = await rejectionOf(invokeOperation(testClient(server.host), describeThings, {}));
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error).toMatchObject({ reason: "bad-framing", httpStatus: 200, requestId: "rid-chunk", retryable: false });
    expect(requests).toBe(1);
  });
});

describe("an XML error body is a ServiceError", () => {
  it("with code, message, request id, host id and recommendation, whatever its content type says", async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<Error>
  <RequestId>rid-xml-1</RequestId>
  <HostId>demo.cn-hangzhou.aliyuncs.com</HostId>
  <Code>Forbidden.RAM</Code>
  <Message>User not authorized &amp; denied.</Message>
  <Recommend><![CDATA[https://api.aliyun.com/troubleshoot?q=Forbidden.RAM]]></Recommend>
</Error>`;
    for (const contentType of ["text/xml;charset=utf-8", "application/xml"]) {
      const server = await startFakeServer(() => ({ status: 403, headers: { "content-type": contentType }, body: xml }));
      closers.push(() => server.close());
      const error = await rejectionOf(invokeOperation(testClient(server.host), describeThings, {}));
      expect(error).toBeInstanceOf(ServiceError);
      expect(error).toMatchObject({
        code: "Forbidden.RAM",
        serviceMessage: "User not authorized & denied.",
        requestId: "rid-xml-1",
        hostId: "demo.cn-hangzhou.aliyuncs.com",
        recommend: "https://api.aliyun.com/troubleshoot?q=Forbidden.RAM",
        httpStatus: 403,
        action: "DescribeThings",
      });
    }
  });

  it("an XML throttling answer is retried like a JSON one", async () => {
    const server = await startFakeServer((_r, i) =>
      i === 0 ? { status: 400, headers: { "content-type": "text/xml" }, body: "<Error><Code>Throttling.User</Code><RequestId>t</RequestId></Error>" } : jsonReply(200, { RequestId: "rid-ok" }),
    );
    closers.push(() => server.close());
    await expect(invokeOperation(testClient(server.host), deleteThing, { ThingId: "t" })).resolves.toEqual({ RequestId: "rid-ok" });
    expect(server.requests).toHaveLength(2);
  });
});

describe("a decision pinned", () => {
  it("a 200 whose JSON carries Code and Message resolves to that body, as the official client does", async () => {
    const body = { RequestId: "rid-200", Code: "200", Message: "success", Success: true };
    const server = await startFakeServer(() => jsonReply(200, body));
    closers.push(() => server.close());
    await expect(invokeOperation(testClient(server.host), describeThings, {})).resolves.toEqual(body);
  });
});
