// A server that trickles its answer (headers or body, one byte at a time) never falls silent, so the idle
// read timeout never fires; before, such a call stayed open indefinitely under default settings. Every
// attempt is now bounded as a whole (attemptTimeoutMs, default 60 s). The default is checked on fake
// timers (only setTimeout/clearTimeout are faked: sockets, the idle timer and the server's drip run for
// real), the configured bounds with generous real limits: the drip outlasts any test.
import { drip, onHttpRequests, rawResponseHead, startRawServer, type RawServer } from "@acs-modular/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { TimeoutError } from "../../src/errors/TimeoutError.js";
import type { ClientEvent } from "../../src/hooks/events.js";
import { invokeOperation } from "../../src/invokeOperation.js";
import { DEFAULT_ATTEMPT_TIMEOUT_MS } from "../../src/transport/attemptTimeout.js";
import { deleteThing, describeThings } from "../support/operations.js";
import { rejectionOf, testClient } from "../support/testClient.js";

/** At one byte every 5 ms, about two and a half minutes of headers. */
const SLOW_HEAD = rawResponseHead(200, { "content-type": "application/json", "content-length": "2", "x-padding": "p".repeat(30_000) });
const BODY = JSON.stringify({ RequestId: "rid-drip", Data: "d".repeat(30_000) });

type Trickle = "headers" | "body";

let server: RawServer | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

/** A server that trickles the headers, or sends them at once and trickles the body; `dripping` resolves at the first byte. */
async function trickling(what: Trickle): Promise<{ host: string; dripping: Promise<void> }> {
  let onDripping!: () => void;
  const dripping = new Promise<void>((resolve) => (onDripping = resolve));
  server = await startRawServer((socket) =>
    onHttpRequests(socket, () => {
      if (what === "headers") {
        void drip(socket, SLOW_HEAD).started.then(onDripping);
      } else {
        socket.write(rawResponseHead(200, { "content-type": "application/json", "content-length": String(BODY.length), "x-acs-request-id": "rid-drip" }));
        void drip(socket, BODY).started.then(onDripping);
      }
    }),
  );
  return { host: server.host, dripping };
}

describe.each<Trickle>(["headers", "body"])("a server that trickles its %s", (what) => {
  it(`is cut off after ${DEFAULT_ATTEMPT_TIMEOUT_MS} ms under default settings, not before`, async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const { host, dripping } = await trickling(what);
    let settled = false;
    const pending = rejectionOf(invokeOperation(testClient(host, { maxAttempts: 1 }), describeThings, {})).finally(() => (settled = true));
    // Real time passes while the request travels; fake time stands still until advanced.
    await dripping;
    await vi.advanceTimersByTimeAsync(DEFAULT_ATTEMPT_TIMEOUT_MS - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await pending;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ phase: "attempt", timeoutMs: DEFAULT_ATTEMPT_TIMEOUT_MS });
  });

  it("is cut off at the client's attemptTimeoutMs, a read retried and a write without token not", async () => {
    const { host } = await trickling(what);
    const events: ClientEvent[] = [];
    const client = testClient(host, { attemptTimeoutMs: 150, maxAttempts: 2, onEvent: (e) => events.push(e) });
    expect(await rejectionOf(invokeOperation(client, describeThings, {}))).toMatchObject({ phase: "attempt", timeoutMs: 150 });
    expect(await rejectionOf(invokeOperation(client, deleteThing, { ThingId: "t" }))).toMatchObject({ phase: "attempt", timeoutMs: 150 });
    const attempts = events.filter((e) => e.type === "request-end").map((e) => (e.type === "request-end" ? [e.action, e.attempts, e.errorCode] : []));
    expect(attempts).toEqual([
      ["DescribeThings", 2, "TimeoutError"],
      ["DeleteThing", 1, "TimeoutError"],
    ]);
  });

  it("is cut off at a per-call attemptTimeoutMs over the client's", async () => {
    const { host } = await trickling(what);
    const client = testClient(host, { attemptTimeoutMs: 600_000, maxAttempts: 1 });
    expect(await rejectionOf(invokeOperation(client, describeThings, {}, { attemptTimeoutMs: 150 }))).toMatchObject({ phase: "attempt", timeoutMs: 150 });
  });
});
