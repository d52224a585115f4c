// Drives every outcome of a call with known STS credentials in play, then searches everything a user could
// log (hook events, errors in every rendering, the client itself) for the secret, the token and each
// request's signature.
import { inspect } from "node:util";
import {
  TEST_ACCESS_KEY_SECRET,
  TEST_SECURITY_TOKEN,
  errorReply,
  jsonReply,
  startFakeServer,
  startRawServer,
  type FakeServer,
} from "@acs-modular/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AcsClient } from "../src/client.js";
import type { ClientEvent } from "../src/hooks/events.js";
import { invokeOperation } from "../src/invokeOperation.js";
import { createThing, describeThings } from "./support/operations.js";
import { rejectionOf, testClient } from "./support/testClient.js";

/** Every way an error can end up in a log. */
function renderings(error: unknown): string[] {
  const e = error as Error;
  return [e.message, String(e), JSON.stringify(e), inspect(e, { depth: 10, showHidden: true }), e.stack ?? ""];
}

describe("no secret, token or signature reaches events, errors or the client's printouts", () => {
  let server: FakeServer;
  const events: ClientEvent[] = [];
  const errors: unknown[] = [];
  let client: AcsClient;
  let refusedHost: string;

  beforeAll(async () => {
    server = await startFakeServer((req) => {
      const mode = req.query.find(([k]) => k === "Name")?.[1] ?? "ok";
      switch (mode) {
        case "service-error":
          return errorReply(403, "Forbidden.RAM", "not authorized", "rid-403");
        case "throttle-once":
          // Throttled on its first attempt only, so the call succeeds on a retry.
          return server.requests.filter((r) => r.query.some(([, v]) => v === "throttle-once")).length === 1
            ? errorReply(400, "Throttling.User", "slow down", "rid-thr")
            : jsonReply(200, { RequestId: "rid-ok" });
        case "html":
          return { status: 502, headers: { "x-acs-request-id": "rid-html" }, body: "<html>502</html>" };
        case "hang":
          return { hang: true };
        case "reset":
          return { destroy: true };
        default:
          return jsonReply(200, { RequestId: "rid-ok" });
      }
    });
    const dead = await startRawServer(() => undefined);
    refusedHost = dead.host;
    await dead.close();
    // Default (generous) timeouts for every call: only the one that must time out gets a short read timeout,
    // and its server never answers, so a busy machine cannot turn another outcome into a timeout.
    client = testClient(server.host, { onEvent: (e) => events.push(e), maxAttempts: 2 });
    const calls: Promise<unknown>[] = [
      invokeOperation(client, createThing, { Name: "ok" }),
      invokeOperation(client, createThing, { Name: "throttle-once" }),
      invokeOperation(client, createThing, { Name: "service-error" }),
      invokeOperation(client, createThing, { Name: "html" }),
      invokeOperation(client, createThing, { Name: "hang" }, { readTimeoutMs: 50 }),
      invokeOperation(client, createThing, { Name: "reset" }),
      invokeOperation(client, createThing, { Name: "ok" }, { signal: AbortSignal.abort(new Error("cancelled")) }),
      invokeOperation(client, createThing, { Name: 42 } as never),
      invokeOperation(client, describeThings, { PageSize: 1000 }),
      invokeOperation(testClient(refusedHost, { onEvent: (e) => events.push(e), maxAttempts: 2 }), createThing, { Name: "ok" }),
      invokeOperation(new AcsClient({ region: "cn-hangzhou.evil.com/", credentials: client.config.credentials, onEvent: (e) => events.push(e) }), createThing, { Name: "ok" }),
    ];
    const settled = await Promise.allSettled(calls);
    for (const s of settled) if (s.status === "rejected") errors.push(s.reason);
  });
  afterAll(async () => {
    await server.close();
  });

  const signatures = (): string[] =>
    server.requests.map((r) => /Signature=([0-9a-f]{64})/.exec(r.headers.authorization ?? "")?.[1] ?? "").filter((s) => s !== "");

  const needles = (): string[] => [TEST_ACCESS_KEY_SECRET, TEST_SECURITY_TOKEN, ...signatures()];

  it("drove every outcome: success, retry, service error, malformed, timeout, reset, abort, validation, refused, bad region", () => {
    const names = errors.map((e) => (e as { code?: string }).code).sort();
    expect(names).toEqual(["AbortError", "Forbidden.RAM", "MalformedResponse", "NetworkError", "NetworkError", "TimeoutError", "ValidationError", "ValidationError", "ValidationError"]);
    // The requests were really signed with the STS token: the needles are live values, not stand-ins.
    expect(server.requests.every((r) => r.headers["x-acs-security-token"] === TEST_SECURITY_TOKEN)).toBe(true);
    expect(signatures().length).toBe(server.requests.length);
    expect(events.some((e) => e.type === "attempt-end" && e.retryInMs !== undefined)).toBe(true);
  });

  it("no hook event contains them", () => {
    const logged = events.map((e) => JSON.stringify(e)).join("\n");
    expect(events.length).toBeGreaterThan(20);
    for (const needle of needles()) expect(logged).not.toContain(needle);
  });

  it("no error contains them, however printed", () => {
    for (const error of errors) {
      for (const text of renderings(error)) for (const needle of needles()) expect(text).not.toContain(needle);
    }
  });

  it("the client prints without them: toString, util.inspect, JSON.stringify, its config", () => {
    const texts = [String(client), client.toString(), inspect(client, { depth: 10 }), JSON.stringify(client), inspect(client.config, { depth: 10 }), JSON.stringify(client.config)];
    for (const text of texts) for (const needle of needles()) expect(text).not.toContain(needle);
    expect(inspect(client)).toBe("AcsClient(region=cn-hangzhou)");
  });

  it("a provider that keeps keys in its own fields does not show through the client", async () => {
    const provider = {
      accessKeySecret: TEST_ACCESS_KEY_SECRET,
      securityToken: TEST_SECURITY_TOKEN,
      getCredentials: async () => ({ accessKeyId: "LTAI-provider", accessKeySecret: TEST_ACCESS_KEY_SECRET, securityToken: TEST_SECURITY_TOKEN }),
    };
    const withProvider = new AcsClient({ region: "cn-hangzhou", credentials: provider });
    const texts = [inspect(withProvider, { depth: 10 }), JSON.stringify(withProvider), inspect(withProvider.config, { depth: 10 }), JSON.stringify(withProvider.config)];
    for (const text of texts) for (const needle of [TEST_ACCESS_KEY_SECRET, TEST_SECURITY_TOKEN]) expect(text).not.toContain(needle);
    // Still reachable for the runtime itself.
    expect(withProvider.config.credentials).toBe(provider);
  });
});
