import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CredentialsError } from "../../errors/CredentialsError.js";
import type { CredentialsEvent } from "../events.js";
import { type FakeStsServer, startFakeStsServer } from "../test-helpers/fakeStsServer.js";
import { eventWaiter, manualClock } from "../test-helpers/manualClock.js";
import { makeTempHome, type TempHome } from "../test-helpers/tempDir.js";
import { fromOidcRoleArn, type FromOidcRoleArnOptions } from "./fromOidcRoleArn.js";

const ROLE = "acs:ram::123:role/pod-role";
const PROVIDER = "acs:ram::123:oidc-provider/ack-rrsa";
/** Timeouts no loaded machine reaches: tests assert on requests, never on time. */
const GENEROUS = { connectTimeoutMs: 60_000, readTimeoutMs: 60_000 };

describe("fromOidcRoleArn", () => {
  let sts: FakeStsServer;
  let home: TempHome;
  let tokenFile: string;
  const clock = manualClock();
  beforeEach(async () => {
    sts = await startFakeStsServer({ now: clock.now });
    home = await makeTempHome();
    tokenFile = await home.write("token", "oidc-token-1\n");
  });
  afterEach(async () => {
    await sts.close();
    await home.remove();
  });

  const provider = (overrides: Partial<FromOidcRoleArnOptions> = {}) =>
    fromOidcRoleArn({ roleArn: ROLE, oidcProviderArn: PROVIDER, oidcTokenFile: tokenFile, sts: { endpoint: sts.url, ...GENEROUS }, env: {}, now: clock.now, ...overrides });
  const failure = async (overrides: Partial<FromOidcRoleArnOptions> = {}) => {
    const error = await provider(overrides).getCredentials().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    return error as CredentialsError;
  };

  it("calls AssumeRoleWithOIDC anonymously with the token from the file", async () => {
    expect((await provider({ roleSessionName: "pod-1", policy: "{}", durationSeconds: 900 }).getCredentials()).accessKeyId).toBe("STS.pod-role@oidc");
    expect(sts.calls[0]).toMatchObject({ action: "AssumeRoleWithOIDC", signature: "anonymous" });
    expect(sts.calls[0]?.params).toEqual({
      RoleArn: ROLE,
      RoleSessionName: "pod-1",
      DurationSeconds: "900",
      OIDCProviderArn: PROVIDER,
      OIDCToken: "oidc-token-1",
      Policy: "{}",
    });
  });

  it("re-reads the token file for every refresh (the token rotates)", async () => {
    const events = eventWaiter<CredentialsEvent>();
    const cached = provider({ onEvent: events.hook });
    await cached.getCredentials();
    await home.write("token", "oidc-token-2");
    clock.advance(58 * 60_000);
    const refreshed = events.next(["credentials-refreshed", "credentials-refresh-failed"]);
    await cached.getCredentials();
    expect(await refreshed).toMatchObject({ type: "credentials-refreshed" });
    expect(sts.calls.map((c) => c.params["OIDCToken"])).toEqual(["oidc-token-1", "oidc-token-2"]);
  });

  it("is broken when the token file is missing or empty, never sending a request", async () => {
    const missing = `${home.path}/none`;
    expect((await failure({ oidcTokenFile: missing })).message).toBe(`oidc role arn: OIDC token file ${missing} not found`);
    await home.write("empty", "  \n");
    expect((await failure({ oidcTokenFile: `${home.path}/empty` })).message).toContain("is empty");
    expect(sts.calls).toHaveLength(0);
  });

  it("reports STS refusals by code", async () => {
    sts.behaviour.failWith = { status: 400, code: "AuthenticationFail.OIDCToken.Expired" };
    expect((await failure()).message).toContain("HTTP 400 AuthenticationFail.OIDCToken.Expired");
  });
});
