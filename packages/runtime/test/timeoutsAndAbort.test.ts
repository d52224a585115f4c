// Timeouts and cancellation through a whole call: what fires, what is retried, and that nothing hangs. No
// assertion races the clock: aborts are triggered by what the server saw, timeouts are exercised against a
// server that never answers (so they must fire, however slow the machine), and the call deadline across
// retries runs on fake timers with an in-memory transport.
import { jsonReply, startFakeServer, type FakeHandler, type FakeServer } from "@acs-modular/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AbortError } from "../src/errors/AbortError.js";
import { TimeoutError } from "../src/errors/TimeoutError.js";
import type { ClientEvent } from "../src/hooks/events.js";
import { invokeOperation } from "../src/invokeOperation.js";
import { memoryClient } from "./support/memoryClient.js";
import { createThing, describeThings } from "./support/operations.js";
import { rejectionOf, testClient } from "./support/testClient.js";

let server: FakeServer | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

async function serve(handler: FakeHandler): Promise<FakeServer> {
  server = await startFakeServer(handler);
  return server;
}

describe("timeouts and abort", () => {
  it("fails with TimeoutError (phase read) when the server never answers, after maxAttempts tries", async () => {
    const s = await serve(() => ({ hang: true }));
    const error = await rejectionOf(invokeOperation(testClient(s.host, { readTimeoutMs: 80, maxAttempts: 2 }), describeThings, {}));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ phase: "read", timeoutMs: 80 });
    expect(s.requests).toHaveLength(2);
  });

  it("applies a per-call read timeout over the client's", async () => {
    const s = await serve(() => ({ hang: true }));
    const error = await rejectionOf(invokeOperation(testClient(s.host, { readTimeoutMs: 600_000 }), describeThings, {}, { readTimeoutMs: 60, maxAttempts: 1 }));
    expect(error).toMatchObject({ phase: "read", timeoutMs: 60 });
  });

  it("cancels an in-flight request with AbortError and does not retry it", async () => {
    const controller = new AbortController();
    const s = await serve(() => {
      controller.abort();
      return { hang: true };
    });
    const events: ClientEvent[] = [];
    const error = await rejectionOf(invokeOperation(testClient(s.host, { onEvent: (e) => events.push(e) }), describeThings, {}, { signal: controller.signal }));
    expect(error).toBeInstanceOf(AbortError);
    expect(s.requests).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({ type: "request-end", ok: false, errorCode: "AbortError", attempts: 1 });
  });

  it("cancels the wait between attempts", async () => {
    // Retry-After asks for 30 s (and the cap allows 60 s): the abort, sent as soon as the wait is announced,
    // must end the call without a second request. Were the wait not cancelled, the test would time out.
    const s = await serve(() => jsonReply(503, { Code: "ServiceUnavailable", Message: "later", RequestId: "r" }, { "retry-after": "30" }));
    const controller = new AbortController();
    const client = testClient(s.host, {
      retry: { baseDelayMs: 1, maxDelayMs: 60_000 },
      onEvent: (e) => {
        if (e.type === "attempt-end" && e.retryInMs !== undefined) controller.abort();
      },
    });
    const error = await rejectionOf(invokeOperation(client, describeThings, {}, { signal: controller.signal }));
    expect(error).toBeInstanceOf(AbortError);
    expect(s.requests).toHaveLength(1);
  });

  it("sends nothing when the signal has already fired", async () => {
    const s = await serve(() => jsonReply(200, {}));
    const error = await rejectionOf(invokeOperation(testClient(s.host), createThing, { Name: "a" }, { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(AbortError);
    expect(s.requests).toHaveLength(0);
  });

  it("ends the whole call at its deadline (timeoutMs), across retries, with TimeoutError phase total", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const { client, sent } = memoryClient({ maxAttempts: 100, retry: { baseDelayMs: 20, maxDelayMs: 20 } }, () => ({ status: 503, headers: {}, body: '{"Code":"ServiceUnavailable","RequestId":"rid"}' }));
    let settled = false;
    const pending = rejectionOf(invokeOperation(client, describeThings, {}, { timeoutMs: 200 })).finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(199);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await pending;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ phase: "total", timeoutMs: 200, retryable: false });
    // Waits under 20 ms each: at least ten attempts fit in 200 ms, and the deadline stopped the rest.
    expect(sent.length).toBeGreaterThanOrEqual(10);
    expect(sent.length).toBeLessThan(100);
  });

  it("ends a hanging attempt at the call deadline, before the read timeout", async () => {
    const s = await serve(() => ({ hang: true }));
    const error = await rejectionOf(invokeOperation(testClient(s.host, { readTimeoutMs: 600_000 }), describeThings, {}, { timeoutMs: 100 }));
    expect(error).toMatchObject({ phase: "total" });
  });

  it("reports the caller's abort as AbortError even when a deadline is set", async () => {
    const controller = new AbortController();
    const s = await serve(() => {
      controller.abort();
      return { hang: true };
    });
    expect(await rejectionOf(invokeOperation(testClient(s.host), describeThings, {}, { signal: controller.signal, timeoutMs: 600_000 }))).toBeInstanceOf(AbortError);
  });
});
