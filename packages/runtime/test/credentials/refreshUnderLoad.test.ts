// Refresh under load, end to end: API calls through AcsClient and invokeOperation, credentials from the default
// chain (ECS RAM role, or a CLI profile assuming a role), every service a fake on 127.0.0.1 that counts what
// it is asked. Time moves only by the fake clock the chain and the fakes share, so "no storm" is proven by
// request counts, never by timing.
import { jsonReply, startFakeServer, type FakeServer } from "@acs-modular/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AcsClient } from "../../src/client.js";
import type { CredentialsEvent } from "../../src/credentials/events.js";
import { BASE_KEY, type CredentialFakes, startCredentialFakes } from "../../src/credentials/test-helpers/credentialFakes.js";
import { credentialsJson } from "../../src/credentials/test-helpers/fakeEcsMetadataServer.js";
import { eventWaiter } from "../../src/credentials/test-helpers/manualClock.js";
import { makeTempHome, type TempHome } from "../../src/credentials/test-helpers/tempDir.js";
import { invokeOperation } from "../../src/invokeOperation.js";
import { describeThings } from "../support/operations.js";

const MINUTE = 60_000;

// 3,000 real HTTP calls per test: generous time on busy machines; the assertions are on request counts.
describe("credential refresh under load", { timeout: 120_000 }, () => {
  let fakes: CredentialFakes;
  let api: FakeServer;
  let home: TempHome;
  let waiter: ReturnType<typeof eventWaiter<CredentialsEvent>>;
  beforeEach(async () => {
    fakes = await startCredentialFakes();
    home = await makeTempHome();
    waiter = eventWaiter<CredentialsEvent>();
    api = await startFakeServer(() => jsonReply(200, { RequestId: "r" }));
  });
  afterEach(async () => {
    await Promise.all([fakes.close(), api.close(), home.remove()]);
  });

  /** A client whose default chain finds nothing before the ECS role (or the CLI profile, once written). */
  const client = () =>
    new AcsClient({
      region: "cn-hangzhou",
      endpoint: api.host,
      protocol: "http",
      maxAttempts: 1,
      credentialChain: { env: {}, homedir: home.path, ...fakes.chainOptions, onEvent: waiter.hook },
    });
  const calls = (c: AcsClient, n: number) => Promise.all(Array.from({ length: n }, () => invokeOperation(c, describeThings, {})));
  const metadataRequests = () => fakes.metadata.requests.length;
  /** Tokens the API saw, per distinct value: which credentials signed the calls. */
  const tokensSeen = (from = 0) => [...new Set(api.requests.slice(from).map((r) => r.headers["x-acs-security-token"]))];
  const ecsLifetime = (lifetimeMs: number) => {
    let n = 0;
    fakes.metadata.behaviour.credentialsBody = () => {
      n++;
      return credentialsJson({ SecurityToken: `ecs-token-${n}`, Expiration: new Date(fakes.clock.now() + lifetimeMs).toISOString() });
    };
  };

  it("ECS role: 1,000 concurrent calls at start, in the refresh margin and after expiry cost one metadata round each", async () => {
    ecsLifetime(60 * MINUTE);
    const c = client();
    await calls(c, 1000);
    expect(metadataRequests()).toBe(3); // PUT token, GET role, GET credentials

    fakes.clock.advance(58 * MINUTE); // 2 minutes left: refresh due, credentials still valid
    const before = api.requests.length;
    const refreshed = waiter.next(["credentials-refreshed", "credentials-refresh-failed"]);
    await calls(c, 1000);
    expect(tokensSeen(before)).toEqual(["ecs-token-1"]); // nobody waited for the refresh
    expect(await refreshed).toEqual({ type: "credentials-refreshed", source: "ecs ram role", background: true, expiration: expect.any(String) });
    expect(metadataRequests()).toBe(6); // one background refresh

    fakes.clock.advance(2 * 60 * MINUTE); // expired: callers wait, sharing one refresh
    const afterExpiry = api.requests.length;
    await calls(c, 1000);
    expect(tokensSeen(afterExpiry)).toEqual(["ecs-token-3"]);
    expect(metadataRequests()).toBe(9);
    expect(api.requests).toHaveLength(3000);
  });

  it("ECS role with 60-second credentials: 200 sequential calls, 1 s apart, refresh every 30 s (21 requests, not 600)", async () => {
    ecsLifetime(60_000);
    const c = client();
    for (let i = 0; i < 200; i++) {
      // A refresh is due every 30 s; wait for it to land before moving the clock, as real time would.
      const due = i > 0 && i % 30 === 0 ? waiter.next(["credentials-refreshed", "credentials-refresh-failed"]) : undefined;
      await invokeOperation(c, describeThings, {});
      if (due) expect(await due).toEqual(expect.objectContaining({ type: "credentials-refreshed", background: true }));
      fakes.clock.advance(1_000);
    }
    // First fetch at t=0, then one refresh per half-life (t=30 s, 60 s, ... 180 s): 7 rounds of 3 requests.
    expect(metadataRequests()).toBe(21);
  });

  it("ECS role with 60-second credentials: 200 sequential calls within one second cost one metadata round", async () => {
    ecsLifetime(60_000);
    const c = client();
    for (let i = 0; i < 200; i++) await invokeOperation(c, describeThings, {});
    expect(metadataRequests()).toBe(3);
  });

  it("CLI RamRoleArn profile: 1,000 concurrent calls cost one STS call; a failed refresh keeps serving and says so", async () => {
    await home.write(
      ".aliyun/config.json",
      JSON.stringify({ current: "r", profiles: [{ name: "r", mode: "RamRoleArn", ...keys(), ram_role_arn: "acs:ram::1:role/app" }] }),
    );
    const c = client();
    await calls(c, 1000);
    expect(fakes.sts.calls).toHaveLength(1);

    fakes.sts.behaviour.failWith = { status: 503, code: "ServiceUnavailable" };
    fakes.clock.advance(58 * MINUTE);
    const failed = waiter.next(["credentials-refreshed", "credentials-refresh-failed"]);
    await calls(c, 1000);
    expect(await failed).toMatchObject({ type: "credentials-refresh-failed" });
    expect(fakes.sts.calls).toHaveLength(2); // one attempt for the whole burst
    await calls(c, 1000); // within the retry delay: no new attempt
    expect(fakes.sts.calls).toHaveLength(2);
    expect(waiter.events.filter((e) => e.type === "credentials-refresh-failed")).toEqual([
      expect.objectContaining({ source: 'cli profile "r" (RamRoleArn)', retryInMs: MINUTE, reason: expect.stringContaining("HTTP 503 ServiceUnavailable") }),
    ]);
    expect(api.requests).toHaveLength(3000);
    expect(tokensSeen()).toEqual(["sts-token-1"]);
  });
});

function keys() {
  return { access_key_id: BASE_KEY.accessKeyId, access_key_secret: BASE_KEY.accessKeySecret };
}
