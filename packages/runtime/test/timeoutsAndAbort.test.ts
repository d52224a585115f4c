// Timeouts and cancellation through a whole call: what fires, what is retried, and that nothing hangs.
import { errorReply, jsonReply, startFakeServer, type FakeServer } from "@acs-modular/testing";
import { afterEach, describe, expect, it } from "vitest";
import { AbortError } from "../src/errors/AbortError.js";
import { TimeoutError } from "../src/errors/TimeoutError.js";
import type { ClientEvent } from "../src/hooks/events.js";
import { invokeOperation } from "../src/invokeOperation.js";
import { createThing, describeThings } from "./support/operations.js";
import { rejectionOf, testClient } from "./support/testClient.js";

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("timeouts and abort", () => {
  it("fails with TimeoutError (phase read) when the server never answers, after maxAttempts tries", async () => {
    server = await startFakeServer(() => ({ hang: true }));
    const error = await rejectionOf(invokeOperation(testClient(server.host, { readTimeoutMs: 80, maxAttempts: 2 }), describeThings, {}));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ phase: "read", timeoutMs: 80 });
    expect(server.requests).toHaveLength(2);
  });

  it("applies a per-call read timeout over the client's", async () => {
    server = await startFakeServer(() => ({ hang: true }));
    const started = Date.now();
    const error = await rejectionOf(invokeOperation(testClient(server.host, { readTimeoutMs: 60_000 }), describeThings, {}, { readTimeoutMs: 60, maxAttempts: 1 }));
    expect(error).toMatchObject({ phase: "read", timeoutMs: 60 });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("cancels an in-flight request with AbortError and does not retry it", async () => {
    server = await startFakeServer(() => ({ hang: true }));
    const controller = new AbortController();
    const events: ClientEvent[] = [];
    const pending = rejectionOf(invokeOperation(testClient(server.host, { onEvent: (e) => events.push(e) }), describeThings, {}, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    const error = await pending;
    expect(error).toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({ type: "request-end", ok: false, errorCode: "AbortError", attempts: 1 });
  });

  it("cancels the wait between attempts", async () => {
    // Retry-After asks for 30 s; the abort must end the call long before that.
    server = await startFakeServer(() => jsonReply(503, { Code: "ServiceUnavailable", Message: "later", RequestId: "r" }, { "retry-after": "30" }));
    const controller = new AbortController();
    const started = Date.now();
    const client = testClient(server.host, { retry: { baseDelayMs: 1, maxDelayMs: 60_000 } });
    const pending = rejectionOf(invokeOperation(client, describeThings, {}, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 100);
    const error = await pending;
    expect(error).toBeInstanceOf(AbortError);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(server.requests).toHaveLength(1);
  });

  it("sends nothing when the signal has already fired", async () => {
    server = await startFakeServer(() => jsonReply(200, {}));
    const error = await rejectionOf(invokeOperation(testClient(server.host), createThing, { Name: "a" }, { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(0);
  });

  it("ends the whole call at its deadline (timeoutMs), across retries, with TimeoutError phase total", async () => {
    server = await startFakeServer(() => errorReply(503, "ServiceUnavailable", "busy", "rid"));
    const client = testClient(server.host, { maxAttempts: 100, retry: { baseDelayMs: 20, maxDelayMs: 20 } });
    const started = Date.now();
    const error = await rejectionOf(invokeOperation(client, describeThings, {}, { timeoutMs: 200 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ phase: "total", timeoutMs: 200, retryable: false });
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(server.requests.length).toBeGreaterThan(1);
    expect(server.requests.length).toBeLessThan(100);
  });

  it("ends a hanging attempt at the call deadline, before the read timeout", async () => {
    server = await startFakeServer(() => ({ hang: true }));
    const error = await rejectionOf(invokeOperation(testClient(server.host, { readTimeoutMs: 30_000 }), describeThings, {}, { timeoutMs: 100 }));
    expect(error).toMatchObject({ phase: "total" });
  });

  it("reports the caller's abort as AbortError even when a deadline is set", async () => {
    server = await startFakeServer(() => ({ hang: true }));
    const controller = new AbortController();
    const pending = rejectionOf(invokeOperation(testClient(server.host), describeThings, {}, { signal: controller.signal, timeoutMs: 10_000 }));
    setTimeout(() => controller.abort(), 30);
    expect(await pending).toBeInstanceOf(AbortError);
  });
});
