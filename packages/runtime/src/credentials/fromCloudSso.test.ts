import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CredentialsError } from "../errors/CredentialsError.js";
import { fromCloudSso, type FromCloudSsoOptions } from "./fromCloudSso.js";
import { type FakeCredentialsService, startFakeCredentialsService } from "./test-helpers/fakeCredentialsService.js";
import { manualClock } from "./test-helpers/manualClock.js";

describe("fromCloudSso", () => {
  let portal: FakeCredentialsService;
  const clock = manualClock();
  beforeEach(async () => {
    portal = await startFakeCredentialsService({ prefix: "SSO", now: clock.now, wrap: "CloudCredential" });
  });
  afterEach(() => portal.close());

  const provider = (overrides: Partial<FromCloudSsoOptions> = {}) =>
    fromCloudSso({
      signInUrl: `${portal.url}/device/login`,
      accountId: "1234",
      accessConfig: "ac-9",
      accessToken: "sso-access-token",
      accessTokenExpire: clock.now() / 1000 + 3600,
      now: clock.now,
      ...overrides,
    });

  it("POSTs /cloud-credentials on the sign-in origin with the bearer token and returns CloudCredential", async () => {
    expect((await provider().getCredentials()).accessKeyId).toBe("SSO-1");
    const [request] = portal.server.requests;
    expect(request).toMatchObject({ method: "POST", pathname: "/cloud-credentials" });
    expect(request?.headers.authorization).toBe("Bearer sso-access-token");
    expect(JSON.parse(request?.body ?? "")).toEqual({ AccountId: "1234", AccessConfigurationId: "ac-9" });
  });

  it("says to sign in again once the access token has expired, without a request", async () => {
    const error = await provider({ accessTokenExpire: clock.now() / 1000 - 1 }).getCredentials().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as Error).message).toBe("cloud sso: the CloudSSO access token has expired; sign in again with `aliyun configure --mode CloudSSO`");
    expect(portal.server.requests).toHaveLength(0);
  });

  it("is broken on a refusal, naming the endpoint and status only", async () => {
    portal.failWith = 401;
    await expect(provider().getCredentials()).rejects.toThrow(`cloud sso: ${portal.url}/cloud-credentials: HTTP 401`);
  });
});
