import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CredentialsError } from "../errors/CredentialsError.js";
import {
  credentialsJson,
  type FakeMetadataServer,
  startFakeMetadataServer,
  unusedLocalUrl,
} from "./test-helpers/fakeEcsMetadataServer.js";
import { fetchEcsRamRoleCredentials, fromEcsRamRole, type FromEcsRamRoleOptions } from "./fromEcsRamRole.js";
import type { CredentialsEvent } from "./events.js";
import { isSourceNotFound } from "./sourceErrors.js";
import { eventWaiter, manualClock } from "./test-helpers/manualClock.js";

describe("fromEcsRamRole", () => {
  let server: FakeMetadataServer;
  beforeEach(async () => {
    server = await startFakeMetadataServer();
  });
  afterEach(() => server.close());

  const fetchOnce = (options: FromEcsRamRoleOptions = {}) =>
    // A timeout no loaded machine reaches (the timeout test sets its own): assertions are on outcomes, not time.
    fetchEcsRamRoleCredentials({ baseUrl: server.baseUrl, env: {}, timeoutMs: 60_000, ...options });
  const failure = async (options: FromEcsRamRoleOptions = {}) => {
    const error = await fetchOnce(options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    return error as CredentialsError;
  };

  it("gets a token, discovers the role and returns its credentials", async () => {
    await expect(fetchOnce()).resolves.toEqual({
      accessKeyId: "STS.AKID0000WXYZ",
      accessKeySecret: "ecs-secret",
      securityToken: "ecs-token",
      expiration: new Date("2030-01-01T00:00:00Z"),
    });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "PUT /latest/api/token",
      "GET /latest/meta-data/ram/security-credentials/",
      "GET /latest/meta-data/ram/security-credentials/my-role",
    ]);
  });

  it("asks for a 21600 s token and sends it on every GET (the fake refuses GETs without it)", async () => {
    await fetchOnce();
    const [put, ...gets] = server.requests;
    expect(put?.headers["x-aliyun-ecs-metadata-token-ttl-seconds"]).toBe("21600");
    expect(gets).toHaveLength(2);
    for (const get of gets) expect(get.headers["x-aliyun-ecs-metadata-token"]).toBe("tok-123");
  });

  it("the fake really rejects tokenless GETs, so the previous test proves the header is needed", async () => {
    const res = await fetch(`${server.baseUrl}/latest/meta-data/ram/security-credentials/`);
    expect(res.status).toBe(401);
  });

  it("uses the roleName option without listing roles", async () => {
    server.behaviour.roleName = "given";
    await fetchOnce({ roleName: "given" });
    expect(server.requests.map((r) => r.url)).not.toContain("/latest/meta-data/ram/security-credentials/");
    expect(server.requests.at(-1)?.url).toBe("/latest/meta-data/ram/security-credentials/given");
  });

  it("uses ALIBABA_CLOUD_ECS_METADATA as the role name", async () => {
    server.behaviour.roleName = "from-env";
    await fetchOnce({ env: { ALIBABA_CLOUD_ECS_METADATA: "from-env" } });
    expect(server.requests).toHaveLength(2);
    expect(server.requests.at(-1)?.url).toBe("/latest/meta-data/ram/security-credentials/from-env");
  });

  it("tolerates a trailing slash on the base URL", async () => {
    await expect(fetchOnce({ baseUrl: `${server.baseUrl}/` })).resolves.toHaveProperty("accessKeyId", "STS.AKID0000WXYZ");
  });

  it("is 'not found' without any request when ALIBABA_CLOUD_ECS_METADATA_DISABLED=true", async () => {
    const error = await failure({ env: { ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true" } });
    expect(isSourceNotFound(error)).toBe(true);
    expect(error.message).toBe("ecs ram role: disabled by ALIBABA_CLOUD_ECS_METADATA_DISABLED");
    expect(server.requests).toHaveLength(0);
  });

  it("is 'not found' when nothing listens (not on ECS)", async () => {
    const baseUrl = await unusedLocalUrl();
    const error = await failure({ baseUrl });
    expect(isSourceNotFound(error)).toBe(true);
    expect(error.message).toBe(`ecs ram role: metadata service ${baseUrl} is unreachable (ECONNREFUSED)`);
  });

  it("is 'not found' when the service does not answer within the timeout", async () => {
    server.behaviour.delayMs = 2000;
    const error = await failure({ timeoutMs: 100 });
    expect(isSourceNotFound(error)).toBe(true);
    expect(error.message).toContain("did not answer within 100 ms");
  });

  it("falls back to IMDSv1 when the token request is refused (an IMDSv1-only instance)", async () => {
    server.behaviour.token = undefined;
    server.behaviour.imdsV1 = true;
    await expect(fetchOnce()).resolves.toHaveProperty("accessKeyId", "STS.AKID0000WXYZ");
    expect(server.requests.map((r) => `${r.method} ${r.url} ${r.headers["x-aliyun-ecs-metadata-token"] ?? "(no token)"}`)).toEqual([
      "PUT /latest/api/token (no token)",
      "GET /latest/meta-data/ram/security-credentials/ (no token)",
      "GET /latest/meta-data/ram/security-credentials/my-role (no token)",
    ]);
  });

  it("does not fall back to IMDSv1 when ALIBABA_CLOUD_IMDSV1_DISABLED=true, or disableImdsV1: 'not found'", async () => {
    server.behaviour.token = undefined;
    server.behaviour.imdsV1 = true;
    for (const options of [{ env: { ALIBABA_CLOUD_IMDSV1_DISABLED: "true" } }, { disableImdsV1: true }]) {
      const error = await failure(options);
      expect(isSourceNotFound(error)).toBe(true);
      expect(error.message).toBe(`ecs ram role: metadata service ${server.baseUrl} gave no token (HTTP 403) and IMDSv1 is disabled`);
    }
    expect(server.requests.every((r) => r.method === "PUT")).toBe(true);
  });

  it("the option wins over the variable: disableImdsV1: false allows the fallback", async () => {
    server.behaviour.token = undefined;
    server.behaviour.imdsV1 = true;
    await expect(fetchOnce({ env: { ALIBABA_CLOUD_IMDSV1_DISABLED: "true" }, disableImdsV1: false })).resolves.toBeDefined();
  });

  it("is 'not found' when the token is refused and the token-less request too (a proxy, not a metadata service)", async () => {
    server.behaviour.token = undefined;
    const error = await failure();
    expect(isSourceNotFound(error)).toBe(true);
    expect(error.message).toBe(`ecs ram role: metadata service ${server.baseUrl} gave no token and refused IMDSv1 (HTTP 401)`);
  });

  it("is 'not found' when no role is attached", async () => {
    server.behaviour.roleName = undefined;
    const error = await failure();
    expect(isSourceNotFound(error)).toBe(true);
    expect(error.message).toBe("ecs ram role: no RAM role is attached to this instance");
  });

  it("is broken when the named role is not attached", async () => {
    const error = await failure({ roleName: "other" });
    expect(isSourceNotFound(error)).toBe(false);
    expect(error.message).toContain('role "other" is not attached');
  });

  it("is broken on a server error for the credentials", async () => {
    server.behaviour.credentialsStatus = 500;
    const error = await failure();
    expect(isSourceNotFound(error)).toBe(false);
    expect(error.message).toBe('ecs ram role: role "my-role": HTTP 500');
  });

  it("is broken on malformed JSON", async () => {
    server.behaviour.credentialsBody = "{not json";
    expect((await failure()).message).toContain("response is not valid JSON");
  });

  it("is broken when Code is not Success, quoting a well-formed code", async () => {
    server.behaviour.credentialsBody = credentialsJson({ Code: "InternalError" });
    expect((await failure()).message).toContain('Code is "InternalError", expected "Success"');
  });

  it("is broken when a field is missing, naming it", async () => {
    server.behaviour.credentialsBody = credentialsJson({ SecurityToken: undefined });
    expect((await failure()).message).toContain("response has no SecurityToken");
  });

  it("is broken when Expiration is not a date", async () => {
    server.behaviour.credentialsBody = credentialsJson({ Expiration: "soon" });
    expect((await failure()).message).toContain("Expiration is not a valid date");
  });

  it("fromEcsRamRole caches until a refresh is due, refreshes in the background, and shares concurrent calls", async () => {
    const clock = manualClock();
    let n = 0;
    server.behaviour.credentialsBody = () => {
      n++;
      return credentialsJson({ AccessKeyId: `AK${n}`, Expiration: new Date(clock.now() + 3_600_000).toISOString() });
    };
    const events = eventWaiter<CredentialsEvent>();
    const provider = fromEcsRamRole({ baseUrl: server.baseUrl, env: {}, now: clock.now, onEvent: events.hook, timeoutMs: 60_000 });
    const first = await Promise.all(Array.from({ length: 10 }, () => provider.getCredentials()));
    expect(first.every((c) => c.accessKeyId === "AK1")).toBe(true);
    expect(server.credentialFetches()).toBe(1);
    clock.advance(58 * 60_000); // inside the 3-minute margin, still valid
    const refreshed = events.next(["credentials-refreshed", "credentials-refresh-failed"]);
    expect((await provider.getCredentials()).accessKeyId).toBe("AK1");
    expect(await refreshed).toMatchObject({ type: "credentials-refreshed", source: "ecs ram role", background: true });
    expect((await provider.getCredentials()).accessKeyId).toBe("AK2");
    expect(server.credentialFetches()).toBe(2);
  });
});
