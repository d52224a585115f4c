// Retries end to end against a local fake endpoint: which failures are retried for which operations, and
// that a write's idempotency token is the same on every attempt.
import { errorReply, jsonReply, startFakeServer, startRawServer, type FakeReply, type FakeServer, type ReceivedRequest } from "@acs-modular/testing";
import { afterEach, describe, expect, it } from "vitest";
import { invokeOperation } from "../src/invokeOperation.js";
import { MalformedResponseError } from "../src/errors/MalformedResponseError.js";
import { NetworkError } from "../src/errors/NetworkError.js";
import { ServiceError } from "../src/errors/ServiceError.js";
import { TimeoutError } from "../src/errors/TimeoutError.js";
import type { ClientEvent } from "../src/hooks/events.js";
import { nodeHttpTransport } from "../src/transport/nodeHttpTransport.js";
import { createThing, deleteThing, describeThings } from "./support/operations.js";
import { rejectionOf, testClient } from "./support/testClient.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const OK = jsonReply(200, { RequestId: "rid-ok", ThingId: "t-1" });

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A server answering the replies in order, then OK for any further request. */
async function scripted(...replies: FakeReply[]): Promise<FakeServer> {
  server = await startFakeServer((_req, i) => replies[i] ?? OK);
  return server;
}

const token = (r: ReceivedRequest): string | undefined => r.query.find(([k]) => k === "ClientToken")?.[1];

describe("retries", () => {
  it("retries throttling twice then succeeds, sending one generated ClientToken on all three attempts", async () => {
    const s = await scripted(errorReply(400, "Throttling.User", "Request was denied due to user flow control.", "rid-1"), errorReply(503, "ServiceUnavailable", "busy", "rid-2"));
    const events: ClientEvent[] = [];
    const result = await invokeOperation(testClient(s.host, { onEvent: (e) => events.push(e) }), createThing, { Name: "a" });
    expect(result).toEqual({ RequestId: "rid-ok", ThingId: "t-1" });
    expect(s.requests).toHaveLength(3);
    const tokens = s.requests.map(token);
    expect(tokens[0]).toMatch(UUID);
    expect(new Set(tokens)).toEqual(new Set([tokens[0]]));
    // Each attempt is signed anew (fresh nonce), but carries the same token.
    expect(new Set(s.requests.map((r) => r.headers["x-acs-signature-nonce"])).size).toBe(3);
    expect(events.filter((e) => e.type === "attempt-end").map((e) => (e.type === "attempt-end" ? [e.httpStatus, e.errorCode] : []))).toEqual([
      [400, "Throttling.User"],
      [503, "ServiceUnavailable"],
      [200, undefined],
    ]);
  });

  it("generates a different token for each logical call", async () => {
    const s = await scripted();
    const client = testClient(s.host);
    await invokeOperation(client, createThing, { Name: "a" });
    await invokeOperation(client, createThing, { Name: "a" });
    expect(token(s.requests[0]!)).not.toBe(token(s.requests[1]!));
  });

  it("keeps the caller's own ClientToken on every attempt", async () => {
    const s = await scripted(errorReply(400, "Throttling.User", "slow down", "rid-1"), errorReply(400, "Throttling.Api", "slow down", "rid-2"));
    await invokeOperation(testClient(s.host), createThing, { Name: "a", ClientToken: "caller-token-1" });
    expect(s.requests.map(token)).toEqual(["caller-token-1", "caller-token-1", "caller-token-1"]);
  });

  it("stops after maxAttempts and throws the last error", async () => {
    const s = await scripted(...Array.from({ length: 5 }, (_, i) => errorReply(400, "Throttling.User", "slow down", `rid-${i}`)));
    const error = await rejectionOf(invokeOperation(testClient(s.host), createThing, { Name: "a" }));
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ code: "Throttling.User", requestId: "rid-2", httpStatus: 400 });
    expect(s.requests).toHaveLength(3);
  });

  it("takes maxAttempts from the client, and per call over the client", async () => {
    const throttled = Array.from({ length: 9 }, (_, i) => errorReply(400, "Throttling", "slow down", `rid-${i}`));
    const s = await scripted(...throttled);
    const client = testClient(s.host, { maxAttempts: 5 });
    await rejectionOf(invokeOperation(client, describeThings, {}));
    expect(s.requests).toHaveLength(5);
    await rejectionOf(invokeOperation(client, describeThings, {}, { maxAttempts: 1 }));
    expect(s.requests).toHaveLength(6);
    await rejectionOf(invokeOperation(client, describeThings, {}, { maxAttempts: 2 }));
    expect(s.requests).toHaveLength(8);
  });

  it("rejects a per-call maxAttempts that is not an integer ≥ 1 before sending", async () => {
    const s = await scripted();
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      await expect(invokeOperation(testClient(s.host), describeThings, {}, { maxAttempts: bad })).rejects.toThrow(RangeError);
    }
    expect(s.requests).toHaveLength(0);
  });

  it("does not retry a non-retryable service error", async () => {
    const s = await scripted(errorReply(404, "InvalidThing.NotFound", "no such thing", "rid-1"));
    const error = await rejectionOf(invokeOperation(testClient(s.host), describeThings, {}));
    expect(error).toMatchObject({ code: "InvalidThing.NotFound", retryable: false });
    expect(s.requests).toHaveLength(1);
  });

  describe("reads are retried on", () => {
    it.each<[string, FakeReply]>([
      ["a 500", errorReply(500, "InternalError", "oops", "rid-1")],
      ["a reset", { destroy: true }],
      ["a truncated body", { destroy: true, status: 200, partialBody: '{"RequestId":"x' }],
      ["a 502 HTML page", { status: 502, headers: { "content-type": "text/html" }, body: "<html>Bad Gateway</html>" }],
    ])("%s", async (_, failure) => {
      const s = await scripted(failure);
      await expect(invokeOperation(testClient(s.host), describeThings, {})).resolves.toMatchObject({ RequestId: "rid-ok" });
      expect(s.requests).toHaveLength(2);
    });

    it("a read timeout", async () => {
      // The first attempt times out at once (no clock involved); the second goes to the server with the
      // default, generous read timeout, so a busy machine cannot make it time out too.
      const s = await scripted();
      let attempts = 0;
      const client = testClient(s.host, {
        transport: (request, options) => (attempts++ === 0 ? Promise.reject(new TimeoutError("read", options.readTimeoutMs)) : nodeHttpTransport(request, options)),
      });
      await expect(invokeOperation(client, describeThings, {})).resolves.toMatchObject({ RequestId: "rid-ok" });
      expect(attempts).toBe(2);
      expect(s.requests).toHaveLength(1);
    });
  });

  describe("a write without idempotency token", () => {
    it.each<[string, FakeReply, (e: unknown) => void]>([
      ["a 500", errorReply(500, "InternalError", "oops", "rid-1"), (e) => expect(e).toBeInstanceOf(ServiceError)],
      ["a reset", { destroy: true }, (e) => expect(e).toBeInstanceOf(NetworkError)],
      ["a truncated body", { destroy: true, status: 200, partialBody: '{"Requ' }, (e) => expect(e).toBeInstanceOf(MalformedResponseError)],
      ["a 502 HTML page", { status: 502, body: "<html>Bad Gateway</html>" }, (e) => expect(e).toBeInstanceOf(MalformedResponseError)],
    ])("is not retried on %s (the service may have acted)", async (_, failure, check) => {
      const s = await scripted(failure);
      check(await rejectionOf(invokeOperation(testClient(s.host), deleteThing, { ThingId: "t-1" })));
      expect(s.requests).toHaveLength(1);
    });

    it("is not retried on a read timeout", async () => {
      const s = await scripted({ hang: true });
      const error = await rejectionOf(invokeOperation(testClient(s.host, { readTimeoutMs: 100 }), deleteThing, { ThingId: "t-1" }));
      expect(error).toBeInstanceOf(TimeoutError);
      expect(s.requests).toHaveLength(1);
    });

    it("is retried on throttling (refused unprocessed)", async () => {
      const s = await scripted(errorReply(400, "Throttling.User", "slow down", "rid-1"), errorReply(429, "TooManyRequests", "busy", "rid-2"));
      await expect(invokeOperation(testClient(s.host), deleteThing, { ThingId: "t-1" })).resolves.toMatchObject({ RequestId: "rid-ok" });
      expect(s.requests).toHaveLength(3);
    });

    // A 5xx may come from behind the gateway after the service acted: the code does not prove otherwise.
    it.each<[string, number]>([
      ["ServiceUnavailable", 503],
      ["Throttling.System", 503],
    ])("is not retried on %s with HTTP %d", async (code, status) => {
      const s = await scripted(errorReply(status, code, "busy", "rid-1"));
      const error = await rejectionOf(invokeOperation(testClient(s.host), deleteThing, { ThingId: "t-1" }));
      expect(error).toMatchObject({ code, httpStatus: status, retryable: true });
      expect(s.requests).toHaveLength(1);
    });

    it("is retried on a refused connection (never sent)", async () => {
      // Attempt 1 hits a closed port; the transport below then routes attempt 2 to a live server.
      const dead = await startRawServer(() => undefined);
      const deadHost = dead.host;
      await dead.close();
      const s = await scripted();
      const client = testClient(deadHost);
      let attempts = 0;
      const rerouting = testClient(deadHost, {
        transport: (request, options) => {
          attempts++;
          return client.config.transport(attempts === 1 ? request : { ...request, host: s.host }, options);
        },
      });
      await expect(invokeOperation(rerouting, deleteThing, { ThingId: "t-1" })).resolves.toMatchObject({ RequestId: "rid-ok" });
      expect(attempts).toBe(2);
      expect(s.requests).toHaveLength(1);
    });
  });

  describe("Retry-After", () => {
    it("waits the seconds the server asks for", async () => {
      const s = await scripted(jsonReply(429, { Code: "Throttling", Message: "slow", RequestId: "r" }, { "retry-after": "1" }));
      const started = Date.now();
      await invokeOperation(testClient(s.host, { retry: { baseDelayMs: 1, maxDelayMs: 5_000 } }), describeThings, {});
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
      expect(s.requests).toHaveLength(2);
    });

    it("caps a long Retry-After at maxDelayMs, for an HTTP date too", async () => {
      const inAnHour = new Date(Date.now() + 3_600_000).toUTCString();
      const s = await scripted(jsonReply(503, { Code: "ServiceUnavailable", Message: "later", RequestId: "r" }, { "retry-after": inAnHour }));
      const events: ClientEvent[] = [];
      await invokeOperation(testClient(s.host, { retry: { baseDelayMs: 1, maxDelayMs: 80 }, onEvent: (e) => events.push(e) }), describeThings, {});
      const first = events.find((e) => e.type === "attempt-end");
      expect(first).toMatchObject({ retryInMs: 80 });
    });
  });
});
