import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CredentialsError } from "../../errors/CredentialsError.js";
import type { CredentialsEvent } from "../events.js";
import { fromStatic } from "../staticCredentials.js";
import { credentialsJson, type FakeMetadataServer, startFakeMetadataServer } from "../test-helpers/fakeEcsMetadataServer.js";
import { type FakeStsServer, startFakeStsServer } from "../test-helpers/fakeStsServer.js";
import { eventWaiter, manualClock } from "../test-helpers/manualClock.js";
import { fromEcsRamRole } from "../fromEcsRamRole.js";
import { fromRamRoleArn, type FromRamRoleArnOptions } from "./fromRamRoleArn.js";

const ROLE = "acs:ram::123:role/deployer";
/** Timeouts no loaded machine reaches: tests assert on requests, never on time. */
const GENEROUS = { connectTimeoutMs: 60_000, readTimeoutMs: 60_000 };

describe("fromRamRoleArn", () => {
  let sts: FakeStsServer;
  const clock = manualClock();
  beforeEach(async () => {
    clock.set(Date.UTC(2030, 0, 1));
    sts = await startFakeStsServer({ now: clock.now });
    sts.addAccessKey("AK_BASE", "base-secret");
  });
  afterEach(() => sts.close());

  const provider = (overrides: Partial<FromRamRoleArnOptions> = {}) =>
    fromRamRoleArn({ source: fromStatic({ accessKeyId: "AK_BASE", accessKeySecret: "base-secret" }), roleArn: ROLE, sts: { endpoint: sts.url, ...GENEROUS }, env: {}, now: clock.now, ...overrides });

  it("assumes the role with the source's keys and returns expiring STS credentials", async () => {
    await expect(provider().getCredentials()).resolves.toEqual({
      accessKeyId: "STS.deployer@AK_BASE",
      accessKeySecret: "sts-secret-1",
      securityToken: "sts-token-1",
      expiration: new Date(clock.now() + 3_600_000),
    });
  });

  it("sends session name, duration, policy and external id", async () => {
    await provider({ roleSessionName: "ci-42", durationSeconds: 1200, policy: '{"Statement":[]}', externalId: "ext-7" }).getCredentials();
    expect(sts.calls[0]?.params).toEqual({
      RoleArn: ROLE,
      RoleSessionName: "ci-42",
      DurationSeconds: "1200",
      Policy: '{"Statement":[]}',
      ExternalId: "ext-7",
    });
  });

  it("defaults the session name to acs-modular-<now> and the duration to 3600", async () => {
    await provider().getCredentials();
    expect(sts.calls[0]?.params).toMatchObject({ RoleSessionName: `acs-modular-${clock.now()}`, DurationSeconds: "3600" });
  });

  it("refuses a session under 900 s before any request", async () => {
    const error = await provider({ durationSeconds: 600 }).getCredentials().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as Error).message).toBe("ram role arn: durationSeconds must be an integer of at least 900 (got 600)");
    expect(sts.calls).toHaveLength(0);
  });

  it("chains roles: a role assumed with another role's credentials, each signature checked by STS", async () => {
    const first = provider({ roleArn: "acs:ram::123:role/first" });
    const second = fromRamRoleArn({ source: first, roleArn: "acs:ram::123:role/second", sts: { endpoint: sts.url }, env: {}, now: clock.now });
    expect((await second.getCredentials()).accessKeyId).toBe("STS.second@STS.first@AK_BASE");
    expect(sts.calls.map((c) => [c.outcome, c.callerAccessKeyId])).toEqual([
      ["STS.first@AK_BASE", "AK_BASE"],
      ["STS.second@STS.first@AK_BASE", "STS.first@AK_BASE"],
    ]);
  });

  it("chains from an ECS role (RamRoleArnWithRoleName in the CLI's words)", async () => {
    const metadata: FakeMetadataServer = await startFakeMetadataServer();
    try {
      metadata.behaviour.credentialsBody = credentialsJson({ AccessKeyId: "STS.ecs", AccessKeySecret: "ecs-secret", SecurityToken: "ecs-token" });
      sts.addAccessKey("STS.ecs", "ecs-secret", "ecs-token");
      const chained = provider({ source: fromEcsRamRole({ baseUrl: metadata.baseUrl, env: {}, now: clock.now }) });
      expect((await chained.getCredentials()).accessKeyId).toBe("STS.deployer@STS.ecs");
    } finally {
      await metadata.close();
    }
  });

  it("passes a source's failure on as it is", async () => {
    const broken = fromStatic({ accessKeyId: "", accessKeySecret: "x" });
    await expect(provider({ source: broken }).getCredentials()).rejects.toThrow("static: accessKeyId is empty");
    expect(sts.calls).toHaveLength(0);
  });

  it("caches until a refresh is due; 1,000 concurrent calls at start, in the margin and after expiry cost one STS call each", async () => {
    const events = eventWaiter<CredentialsEvent>();
    const cached = provider({ onEvent: events.hook });
    const burst = () => Promise.all(Array.from({ length: 1000 }, () => cached.getCredentials()));
    await burst();
    expect(sts.calls).toHaveLength(1);
    clock.advance(58 * 60_000);
    const background = events.next(["credentials-refreshed", "credentials-refresh-failed"]);
    expect((await burst()).every((c) => c.securityToken === "sts-token-1")).toBe(true);
    expect(await background).toMatchObject({ type: "credentials-refreshed" });
    expect(sts.calls).toHaveLength(2);
    clock.advance(2 * 3_600_000); // long past expiry: callers wait, sharing one call
    expect((await burst()).every((c) => c.securityToken === "sts-token-3")).toBe(true);
    expect(sts.calls).toHaveLength(3);
  });

  it("names its label in errors and events", async () => {
    sts.behaviour.failWith = { status: 403, code: "NoPermission" };
    await expect(provider({ label: "my role" }).getCredentials()).rejects.toThrow(/^my role: sts AssumeRole \(127\.0\.0\.1:\d+\): HTTP 403 NoPermission/);
  });
});
