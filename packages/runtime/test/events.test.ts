// The hook's view of a call: one request-start, a start/end pair per attempt, one request-end.
import { errorReply, jsonReply, startFakeServer } from "@acs-modular/testing";
import { expect, it } from "vitest";
import type { ClientEvent } from "../src/hooks/events.js";
import { invokeOperation } from "../src/invokeOperation.js";
import { describeThings } from "./support/operations.js";
import { testClient } from "./support/testClient.js";

it("reports start, each attempt with status, error code, retry delay and request id, and the end", async () => {
  const server = await startFakeServer((_r, i) => (i === 0 ? errorReply(503, "ServiceUnavailable", "busy", "rid-a") : jsonReply(200, { RequestId: "rid-b" })));
  try {
    const events: ClientEvent[] = [];
    await invokeOperation(testClient(server.host, { onEvent: (e) => events.push(e) }), describeThings, {});
    const host = server.host;
    const base = { product: "Demo", action: "DescribeThings" };
    expect(events.map((e) => e.type)).toEqual(["request-start", "attempt-start", "attempt-end", "attempt-start", "attempt-end", "request-end"]);
    expect(events[0]).toEqual({ type: "request-start", ...base, host });
    expect(events[2]).toMatchObject({ ...base, attempt: 1, httpStatus: 503, errorCode: "ServiceUnavailable", requestId: "rid-a", host });
    expect((events[2] as { retryInMs: number }).retryInMs).toBeGreaterThanOrEqual(0);
    expect(events[4]).toMatchObject({ attempt: 2, httpStatus: 200, requestId: "rid-b" });
    expect(events[4]).not.toHaveProperty("errorCode");
    expect(events[4]).not.toHaveProperty("retryInMs");
    expect(events[5]).toMatchObject({ type: "request-end", ok: true, attempts: 2, requestId: "rid-b" });
    for (const e of events) if ("durationMs" in e) expect(e.durationMs).toBeGreaterThanOrEqual(0);
  } finally {
    await server.close();
  }
});

it("a hook that throws does not fail the call", async () => {
  const server = await startFakeServer(() => jsonReply(200, { RequestId: "r" }));
  try {
    const client = testClient(server.host, {
      onEvent: () => {
        throw new Error("logger down");
      },
    });
    await expect(invokeOperation(client, describeThings, {})).resolves.toEqual({ RequestId: "r" });
    expect(server.requests).toHaveLength(1);
  } finally {
    await server.close();
  }
});
