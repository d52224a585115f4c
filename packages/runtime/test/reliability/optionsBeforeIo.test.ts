// Timing and size options that no timer or buffer can honour are refused with a RangeError before any I/O,
// per call and on the client, by the one option check both use. Before, a per-call readTimeoutMs of -1
// crashed the process from inside a socket event (ERR_OUT_OF_RANGE from req.setTimeout), a connectTimeoutMs
// of 0 or NaN became a connect TimeoutError, and delays above 2^31−1 ms (which Node's timers cannot hold)
// failed every call at once.
import { jsonReply, startFakeServer, type FakeServer } from "@acs-modular/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CallOptions, ClientConfig } from "../../src/client.js";
import { invokeOperation } from "../../src/invokeOperation.js";
import { createThing, describeThings } from "../support/operations.js";
import { rejectionOf, testClient } from "../support/testClient.js";

/** Values no delay option takes: negative, zero, not a number, infinite, a string, beyond a timer's range. */
const BAD_DELAYS: unknown[] = [-5, -1, 0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, "100", 2 ** 31, Number.MAX_SAFE_INTEGER];
const BAD_COUNTS: unknown[] = [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, "3"];

const CALL_OPTIONS: [keyof CallOptions, unknown[]][] = [
  ["connectTimeoutMs", BAD_DELAYS],
  ["readTimeoutMs", BAD_DELAYS],
  ["attemptTimeoutMs", BAD_DELAYS],
  ["timeoutMs", BAD_DELAYS],
  ["maxAttempts", BAD_COUNTS],
];
const CLIENT_OPTIONS: [string, (value: unknown) => Partial<ClientConfig>, unknown[]][] = [
  ["connectTimeoutMs", (v) => ({ connectTimeoutMs: v as number }), BAD_DELAYS],
  ["readTimeoutMs", (v) => ({ readTimeoutMs: v as number }), BAD_DELAYS],
  ["attemptTimeoutMs", (v) => ({ attemptTimeoutMs: v as number }), BAD_DELAYS],
  ["maxAttempts", (v) => ({ maxAttempts: v as number }), BAD_COUNTS],
  ["maxResponseBytes", (v) => ({ maxResponseBytes: v as number }), [...BAD_COUNTS, -1024]],
  ["retry.baseDelayMs", (v) => ({ retry: { baseDelayMs: v as number } }), [-1, Number.NaN, Number.POSITIVE_INFINITY, "1", 2 ** 31]],
  ["retry.maxDelayMs", (v) => ({ retry: { maxDelayMs: v as number } }), [-1, Number.NaN, Number.POSITIVE_INFINITY, "1", 2 ** 31]],
];

let server: FakeServer;
let credentialLookups = 0;
beforeAll(async () => {
  server = await startFakeServer(() => jsonReply(200, { RequestId: "r" }));
});
afterAll(async () => {
  await server.close();
});

function client(overrides: Partial<ClientConfig> = {}) {
  return testClient(server.host, {
    credentials: { getCredentials: async () => (credentialLookups++, { accessKeyId: "LTAI-options", accessKeySecret: "options-secret" }) },
    ...overrides,
  });
}

describe("per-call options no timer can honour", () => {
  for (const [name, values] of CALL_OPTIONS) {
    it.each(values.map((v) => [String(v), v]))(`${name} %s → RangeError, nothing sent, no credentials looked up`, async (_, value) => {
      const before = { requests: server.requests.length, lookups: credentialLookups };
      for (const [op, input] of [
        [describeThings, {}],
        [createThing, { Name: "n" }],
      ] as const) {
        const error = await rejectionOf(invokeOperation(client(), op, input, { [name]: value } as CallOptions));
        expect(error).toBeInstanceOf(RangeError);
        expect((error as Error).message).toMatch(new RegExp(`^${name} must be`));
      }
      expect({ requests: server.requests.length, lookups: credentialLookups }).toEqual(before);
    });
  }

  it("a signal that is not an AbortSignal → TypeError, nothing sent", async () => {
    const before = server.requests.length;
    await expect(invokeOperation(client(), describeThings, {}, { signal: {} as AbortSignal })).rejects.toThrow(TypeError);
    expect(server.requests.length).toBe(before);
  });

  it("the largest values a timer holds still work, end to end", async () => {
    const max = 2 ** 31 - 1;
    await expect(invokeOperation(client(), describeThings, {}, { connectTimeoutMs: max, readTimeoutMs: max, attemptTimeoutMs: max, timeoutMs: max })).resolves.toEqual({ RequestId: "r" });
  });
});

describe("client options no timer can honour", () => {
  for (const [name, config, values] of CLIENT_OPTIONS) {
    it.each(values.map((v) => [String(v), v]))(`${name} %s → RangeError from the constructor`, (_, value) => {
      expect(() => client(config(value))).toThrow(RangeError);
      expect(() => client(config(value))).toThrow(new RegExp(`^${name.replace(".", "\\.")} must be`));
    });
  }
});
