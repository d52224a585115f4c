import { describe, expect, it } from "vitest";
import { CredentialsError } from "../../errors/CredentialsError.js";
import { fromCliProfile } from "../fromCliProfile.js";
import { isSourceNotFound } from "../sourceErrors.js";
import { BASE_KEY, useCredentialFakes } from "../test-helpers/credentialFakes.js";
import { helperCommand } from "../test-helpers/externalCommand.js";

const base = { mode: "AK", access_key_id: BASE_KEY.accessKeyId, access_key_secret: BASE_KEY.accessKeySecret };
const role = (name: string) => `acs:ram::123:role/${name}`;

describe("CLI profile modes", { timeout: 60_000 }, () => {
  const setup = useCredentialFakes();

  /** Writes a config whose current profile is the first one, and resolves it like the chain would. */
  const resolve = async (profiles: object[], env: Record<string, string> = {}) => {
    const path = await setup.home.write(`cli-${Math.random()}.json`, JSON.stringify({ current: (profiles[0] as { name: string }).name, profiles }));
    return fromCliProfile({ env, path, ...setup.fakes.chainOptions }).getCredentials();
  };
  const failure = async (profiles: object[], env: Record<string, string> = {}) => {
    const error = await resolve(profiles, env).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    return error as CredentialsError;
  };

  it("RamRoleArn: assumes ram_role_arn with the profile's keys, sending its session name, duration, policy and external id", async () => {
    const c = await resolve([
      { name: "r", ...base, mode: "RamRoleArn", ram_role_arn: role("dev"), ram_session_name: "me", expired_seconds: 1800, external_id: "x-1", policy: "{}" },
    ]);
    expect(c.accessKeyId).toBe("STS.dev@AK_BASE");
    expect(setup.fakes.sts.calls[0]?.params).toEqual({ RoleArn: role("dev"), RoleSessionName: "me", DurationSeconds: "1800", ExternalId: "x-1", Policy: "{}" });
  });

  it("RamRoleArn: the profile's sts_endpoint wins over the chain's, and sts_region builds sts.<region>.aliyuncs.com", async () => {
    // The profile names the fake (its own endpoint); the chain's default is a host that does not exist.
    const path = await setup.home.write("sts-endpoint.json", JSON.stringify({ current: "r", profiles: [{ name: "r", ...base, mode: "RamRoleArn", ram_role_arn: role("e"), sts_endpoint: setup.fakes.sts.url }] }));
    const c = await fromCliProfile({ env: {}, path, sts: { endpoint: "http://127.0.0.1:1" }, now: setup.fakes.clock.now }).getCredentials();
    expect(c.accessKeyId).toBe("STS.e@AK_BASE");
    // sts_region: seen on the wire as the Host header, through a transport that sends everything to the fake.
    const hosts: string[] = [];
    const regional = await setup.home.write("sts-region.json", JSON.stringify({ current: "r", profiles: [{ name: "r", ...base, mode: "RamRoleArn", ram_role_arn: role("g"), sts_region: "cn-shanghai", enable_vpc: true }] }));
    const { nodeHttpTransport } = await import("../../transport/nodeHttpTransport.js");
    await fromCliProfile({
      env: {},
      path: regional,
      transport: (request, options) => {
        hosts.push(request.host);
        return nodeHttpTransport({ ...request, protocol: "http:", host: setup.fakes.sts.host }, options);
      },
    }).getCredentials();
    expect(hosts).toEqual(["sts-vpc.cn-shanghai.aliyuncs.com"]);
  });

  it("RamRoleArn: keys with an sts_token sign as STS credentials", async () => {
    setup.fakes.sts.addAccessKey("STS.MID", "mid-secret", "mid-token");
    const c = await resolve([{ name: "r", mode: "RamRoleArn", access_key_id: "STS.MID", access_key_secret: "mid-secret", sts_token: "mid-token", ram_role_arn: role("t") }]);
    expect(c.accessKeyId).toBe("STS.t@STS.MID");
  });

  it("ChainableRamRoleArn: assumes a role with the credentials of source_profile, to any depth", async () => {
    const c = await resolve([
      { name: "top", mode: "ChainableRamRoleArn", source_profile: "middle", ram_role_arn: role("top") },
      { name: "middle", mode: "ChainableRamRoleArn", source_profile: "bottom", ram_role_arn: role("middle") },
      { name: "bottom", ...base },
    ]);
    expect(c.accessKeyId).toBe("STS.top@STS.middle@AK_BASE");
    expect(setup.fakes.sts.calls.map((call) => call.callerAccessKeyId)).toEqual(["AK_BASE", "STS.middle@AK_BASE"]);
  });

  it("ChainableRamRoleArn: from an EcsRamRole source profile", async () => {
    const c = await resolve([
      { name: "top", mode: "ChainableRamRoleArn", source_profile: "ecs", ram_role_arn: role("top") },
      { name: "ecs", mode: "EcsRamRole", ram_role_name: "my-role" },
    ]);
    expect(c.accessKeyId).toBe("STS.top@STS.ECS");
  });

  it("ChainableRamRoleArn: a missing or looping source_profile is broken", async () => {
    expect((await failure([{ name: "a", mode: "ChainableRamRoleArn", source_profile: "ghost", ram_role_arn: role("a") }])).message).toContain(
      'source_profile "ghost" is not in',
    );
    const loop = await failure([
      { name: "a", mode: "ChainableRamRoleArn", source_profile: "b", ram_role_arn: role("a") },
      { name: "b", mode: "ChainableRamRoleArn", source_profile: "a", ram_role_arn: role("b") },
    ]);
    expect(loop.message).toContain('source_profile loops ("a" → "b" → "a")');
    expect(setup.fakes.sts.calls).toHaveLength(0);
  });

  it("EcsRamRole: the role of ram_role_name, from the chain's metadata service", async () => {
    const before = setup.fakes.metadata.requests.length;
    expect((await resolve([{ name: "e", mode: "EcsRamRole", ram_role_name: "my-role" }])).accessKeyId).toBe("STS.ECS");
    expect(setup.fakes.metadata.requests.slice(before).map((r) => r.url)).toEqual(["/latest/api/token", "/latest/meta-data/ram/security-credentials/my-role"]);
  });

  it("OIDC: AssumeRoleWithOIDC with oidc_token_file and oidc_provider_arn", async () => {
    const tokenFile = await setup.home.write("oidc-token", "cli-oidc-token");
    const c = await resolve([
      { name: "o", mode: "OIDC", ram_role_arn: role("oidc"), oidc_provider_arn: "acs:ram::123:oidc-provider/p", oidc_token_file: tokenFile, ram_session_name: "s" },
    ]);
    expect(c.accessKeyId).toBe("STS.oidc@oidc");
    expect(setup.fakes.sts.calls[0]).toMatchObject({ action: "AssumeRoleWithOIDC", signature: "anonymous" });
  });

  it("CloudSSO: the access configuration's credentials from the sign-in URL's portal", async () => {
    const c = await resolve([
      {
        name: "sso",
        mode: "CloudSSO",
        cloud_sso_sign_in_url: `${setup.fakes.sso.url}/device/login`,
        cloud_sso_account_id: "1234",
        cloud_sso_access_config: "ac-1",
        access_token: "sso-token",
        cloud_sso_access_token_expire: Math.floor(setup.fakes.clock.now() / 1000) + 3600,
      },
    ]);
    expect(c.accessKeyId).toMatch(/^SSO-\d+$/);
  });

  it("External: the output of process_command", async () => {
    const c = await resolve([{ name: "x", mode: "External", process_command: helperCommand("AK AK_FROM_HELPER") }]);
    expect(c).toEqual({ accessKeyId: "AK_FROM_HELPER", accessKeySecret: "ext-secret" });
  });

  it("CredentialsURI: credentials_uri, else ALIBABA_CLOUD_CREDENTIALS_URI", async () => {
    expect((await resolve([{ name: "u", mode: "CredentialsURI", credentials_uri: `${setup.fakes.uri.url}/a` }])).accessKeyId).toMatch(/^URI-\d+$/);
    const fromEnv = await resolve([{ name: "u", mode: "CredentialsURI" }], { ALIBABA_CLOUD_CREDENTIALS_URI: `${setup.fakes.uri.url}/b` });
    expect(fromEnv.accessKeyId).toMatch(/^URI-\d+$/);
    expect(setup.fakes.uri.server.requests.map((r) => r.pathname).slice(-2)).toEqual(["/a", "/b"]);
    expect((await failure([{ name: "u", mode: "CredentialsURI" }])).message).toContain("(mode CredentialsURI) has no credentials_uri");
  });

  it("External and CredentialsURI are refused under ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS (the CLI's switch)", async () => {
    for (const profile of [
      { name: "x", mode: "External", process_command: helperCommand("AK A") },
      { name: "u", mode: "CredentialsURI", credentials_uri: setup.fakes.uri.url },
    ]) {
      const error = await failure([profile], { ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS: "1" });
      expect(isSourceNotFound(error)).toBe(false);
      expect(error.message).toContain("is disabled by ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS");
    }
  });

  it("keeps the profile's provider while the file is unchanged (one STS call for many), and rebuilds when it changes", async () => {
    const config = (arn: string) => JSON.stringify({ current: "r", profiles: [{ name: "r", ...base, mode: "RamRoleArn", ram_role_arn: arn }] });
    const path = await setup.home.write("cache.json", config(role("one")));
    const provider = fromCliProfile({ env: {}, path, ...setup.fakes.chainOptions });
    await Promise.all(Array.from({ length: 200 }, () => provider.getCredentials()));
    await provider.getCredentials();
    expect(setup.fakes.sts.calls).toHaveLength(1);
    await setup.home.write("cache.json", config(role("two")));
    expect((await provider.getCredentials()).accessKeyId).toBe("STS.two@AK_BASE");
    expect(setup.fakes.sts.calls).toHaveLength(2);
  });

  it("an STS refusal is broken and names the profile and mode", async () => {
    setup.fakes.sts.behaviour.failWith = { status: 403, code: "NoPermission" };
    try {
      const error = await failure([{ name: "r", ...base, mode: "RamRoleArn", ram_role_arn: role("denied") }]);
      expect(isSourceNotFound(error)).toBe(false);
      expect(error.message).toMatch(/^cli profile "r" \(RamRoleArn\): sts AssumeRole \(127\.0\.0\.1:\d+\): HTTP 403 NoPermission/);
    } finally {
      setup.fakes.sts.behaviour.failWith = undefined;
    }
  });
});
