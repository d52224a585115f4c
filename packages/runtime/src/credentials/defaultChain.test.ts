import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CredentialsError } from "../errors/CredentialsError.js";
import type { CredentialsEvent } from "./events.js";
import { ForeignError } from "./foreignError.js";
import { startCredentialFakes } from "./test-helpers/credentialFakes.js";
import { type FakeMetadataServer, startFakeMetadataServer, unusedLocalUrl } from "./test-helpers/fakeEcsMetadataServer.js";
import { makeTempHome, type TempHome } from "./test-helpers/tempDir.js";
import { defaultCredentialProvider, type DefaultCredentialProviderOptions } from "./defaultChain.js";
import type { CredentialProvider } from "./types.js";

const ENV_OK = { ALIBABA_CLOUD_ACCESS_KEY_ID: "AK_ENV", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "S_ENV" };
const CLI_OK = JSON.stringify({
  current: "default",
  profiles: [{ name: "default", mode: "AK", access_key_id: "AK_CLI", access_key_secret: "S_CLI" }],
});
const INI_OK = "[default]\ntype = access_key\naccess_key_id = AK_INI\naccess_key_secret = S_INI\n";

describe("defaultCredentialProvider", () => {
  let home: TempHome;
  let server: FakeMetadataServer;
  let offline: string;
  beforeEach(async () => {
    home = await makeTempHome();
    server = await startFakeMetadataServer();
    offline = await unusedLocalUrl();
  });
  afterEach(async () => {
    await server.close();
    await home.remove();
  });

  /** Every source pointed at the temp home and, unless overridden, at a metadata URL where nothing listens. */
  const chain = (options: DefaultCredentialProviderOptions = {}) =>
    defaultCredentialProvider({ env: {}, homedir: home.path, ecs: { baseUrl: offline }, ...options });
  const failure = async (provider: CredentialProvider) => {
    const error = await provider.getCredentials().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    return error as CredentialsError;
  };

  it("uses explicit credentials first, ignoring every other source", async () => {
    await home.write(".aliyun/config.json", CLI_OK);
    const c = await chain({ env: ENV_OK, credentials: { accessKeyId: "AK_EXPLICIT", accessKeySecret: "S" } }).getCredentials();
    expect(c.accessKeyId).toBe("AK_EXPLICIT");
  });

  it("accepts an explicit provider", async () => {
    const explicit: CredentialProvider = { getCredentials: async () => ({ accessKeyId: "AK_P", accessKeySecret: "S" }) };
    expect((await chain({ env: ENV_OK, credentials: explicit }).getCredentials()).accessKeyId).toBe("AK_P");
  });

  it("stops at empty explicit credentials instead of falling back to the environment", async () => {
    const error = await failure(chain({ env: ENV_OK, credentials: { accessKeyId: "", accessKeySecret: "S" } }));
    expect(error.message).toContain("static: accessKeyId is empty");
  });

  it("wraps a foreign error from an explicit provider, keeping only its class and code as cause", async () => {
    const boom = Object.assign(new TypeError("custom failure with a secret in it"), { code: "ECONNRESET" });
    const error = await failure(chain({ credentials: { getCredentials: () => Promise.reject(boom) } }));
    expect(error.message).toContain("explicit: provider failed (TypeError)");
    expect(error.cause).toBeInstanceOf(ForeignError);
    expect(error.cause).toMatchObject({ name: "ForeignError[TypeError]", code: "ECONNRESET" });
    expect(String(error.cause)).not.toContain("custom failure");
  });

  it("prefers env over the CLI profile", async () => {
    await home.write(".aliyun/config.json", CLI_OK);
    expect((await chain({ env: ENV_OK }).getCredentials()).accessKeyId).toBe("AK_ENV");
  });

  it("prefers the CLI profile over the ini file", async () => {
    await home.write(".aliyun/config.json", CLI_OK);
    await home.write(".alibabacloud/credentials", INI_OK);
    expect((await chain().getCredentials()).accessKeyId).toBe("AK_CLI");
  });

  it("falls through to the ini file", async () => {
    await home.write(".alibabacloud/credentials", INI_OK);
    expect((await chain().getCredentials()).accessKeyId).toBe("AK_INI");
  });

  it("falls through an unsupported CLI mode to the next source", async () => {
    await home.write(".aliyun/config.json", JSON.stringify({ current: "r", profiles: [{ name: "r", mode: "OAuth" }] }));
    await home.write(".alibabacloud/credentials", INI_OK);
    expect((await chain().getCredentials()).accessKeyId).toBe("AK_INI");
  });

  it("passes the profile option to both file sources", async () => {
    await home.write(".alibabacloud/credentials", `${INI_OK}[prod]\naccess_key_id = AK_PROD\naccess_key_secret = S\n`);
    await home.write(".aliyun/config.json", CLI_OK);
    // "prod" is absent from the CLI config, which is therefore skipped rather than fatal.
    expect((await chain({ profile: "prod" }).getCredentials()).accessKeyId).toBe("AK_PROD");
  });

  it("honours cliConfigPath and credentialsFilePath", async () => {
    const cli = await home.write("x/cli.json", CLI_OK.replace("AK_CLI", "AK_CLI_X"));
    const ini = await home.write("x/creds", INI_OK.replace("AK_INI", "AK_INI_X"));
    expect((await chain({ cliConfigPath: cli }).getCredentials()).accessKeyId).toBe("AK_CLI_X");
    expect((await chain({ credentialsFilePath: ini }).getCredentials()).accessKeyId).toBe("AK_INI_X");
  });

  it("falls through to the ECS RAM role", async () => {
    const c = await chain({ ecs: { baseUrl: server.baseUrl, timeoutMs: 60_000 } }).getCredentials();
    expect(c.accessKeyId).toBe("STS.AKID0000WXYZ");
    expect(c.expiration).toEqual(new Date("2030-01-01T00:00:00Z"));
  });

  it("caches the ECS step: repeated and concurrent calls fetch credentials once", async () => {
    const provider = chain({ ecs: { baseUrl: server.baseUrl, timeoutMs: 60_000 } });
    await Promise.all(Array.from({ length: 10 }, () => provider.getCredentials()));
    await provider.getCredentials();
    expect(server.credentialFetches()).toBe(1);
  });

  it("remembers the winning source and stops consulting earlier ones", async () => {
    const env: Record<string, string> = {};
    const provider = chain({ env });
    await home.write(".alibabacloud/credentials", INI_OK);
    expect((await provider.getCredentials()).accessKeyId).toBe("AK_INI");
    Object.assign(env, ENV_OK); // env now has credentials, but the ini file already won
    expect((await provider.getCredentials()).accessKeyId).toBe("AK_INI");
  });

  it("does not remember a total failure: a later call walks the chain again", async () => {
    const provider = chain();
    await expect(provider.getCredentials()).rejects.toBeInstanceOf(CredentialsError);
    await home.write(".alibabacloud/credentials", INI_OK);
    expect((await provider.getCredentials()).accessKeyId).toBe("AK_INI");
  });

  it("when every source is absent, throws one error listing each source and why", async () => {
    const error = await failure(chain());
    const cli = join(home.path, ".aliyun", "config.json");
    const ini = join(home.path, ".alibabacloud", "credentials");
    expect(error.tried).toEqual([
      "env: ALIBABA_CLOUD_ACCESS_KEY_ID not set",
      "oidc env: ALIBABA_CLOUD_OIDC_PROVIDER_ARN not set",
      `cli profile: ${cli} not found`,
      `ini file: ${ini} not found`,
      `ecs ram role: metadata service ${offline} is unreachable (ECONNREFUSED)`,
      "credentials uri: ALIBABA_CLOUD_CREDENTIALS_URI not set",
    ]);
    expect(error.message).toBe(`No Alibaba Cloud credentials found. Tried: ${error.tried.join("; ")}`);
  });

  it("stops at a broken CLI config instead of falling through to the ini file", async () => {
    await home.write(".aliyun/config.json", "{ broken");
    await home.write(".alibabacloud/credentials", INI_OK);
    const error = await failure(chain());
    expect(error.message).toContain("misconfigured: cli profile:");
    expect(error.message).toContain("is not valid JSON");
    expect(error.message).toContain("skipped before it: env: ALIBABA_CLOUD_ACCESS_KEY_ID not set; oidc env:");
    expect(error.tried).toHaveLength(3);
    expect(error.cause).toBeInstanceOf(CredentialsError);
  });

  it("stops at a profile missing a key", async () => {
    await home.write(".alibabacloud/credentials", "[default]\ntype = access_key\naccess_key_id = AK\n");
    const error = await failure(chain({ ecs: { baseUrl: server.baseUrl, timeoutMs: 60_000 } }));
    expect(error.message).toContain("has no access_key_secret");
    expect(server.requests).toHaveLength(0);
  });

  it("stops at half-set environment variables", async () => {
    await home.write(".alibabacloud/credentials", INI_OK);
    const error = await failure(chain({ env: { ALIBABA_CLOUD_ACCESS_KEY_ID: "AK" } }));
    expect(error.message).toContain("env: ALIBABA_CLOUD_ACCESS_KEY_ID is set but ALIBABA_CLOUD_ACCESS_KEY_SECRET is not");
  });

  it("takes the OIDC role from the environment after the AccessKey variables and before the CLI profile", async () => {
    const fakes = await startCredentialFakes();
    try {
      await home.write(".aliyun/config.json", CLI_OK);
      const tokenFile = await home.write("token", "rrsa");
      const oidc = { ALIBABA_CLOUD_ROLE_ARN: "acs:ram::1:role/pod", ALIBABA_CLOUD_OIDC_PROVIDER_ARN: "acs:ram::1:oidc-provider/p", ALIBABA_CLOUD_OIDC_TOKEN_FILE: tokenFile };
      expect((await chain({ env: { ...ENV_OK, ...oidc }, sts: fakes.chainOptions.sts }).getCredentials()).accessKeyId).toBe("AK_ENV");
      expect((await chain({ env: oidc, sts: fakes.chainOptions.sts }).getCredentials()).accessKeyId).toBe("STS.pod@oidc");
    } finally {
      await fakes.close();
    }
  });

  it("ends with ALIBABA_CLOUD_CREDENTIALS_URI, after the ECS role", async () => {
    const fakes = await startCredentialFakes();
    try {
      const env = { ALIBABA_CLOUD_CREDENTIALS_URI: `${fakes.uri.url}/c` };
      expect((await chain({ env, ecs: { baseUrl: fakes.metadata.baseUrl, timeoutMs: 60_000 } }).getCredentials()).accessKeyId).toBe("STS.ECS");
      expect((await chain({ env }).getCredentials()).accessKeyId).toMatch(/^URI-\d+$/);
      expect((await chain({ credentialsUri: `${fakes.uri.url}/option` }).getCredentials()).accessKeyId).toMatch(/^URI-\d+$/);
    } finally {
      await fakes.close();
    }
  });

  it("falls back to IMDSv1 on an instance that refuses the token, unless ALIBABA_CLOUD_IMDSV1_DISABLED=true", async () => {
    server.behaviour.token = undefined;
    server.behaviour.imdsV1 = true;
    expect((await chain({ ecs: { baseUrl: server.baseUrl, timeoutMs: 60_000 } }).getCredentials()).accessKeyId).toBe("STS.AKID0000WXYZ");
    const error = await failure(chain({ env: { ALIBABA_CLOUD_IMDSV1_DISABLED: "true" }, ecs: { baseUrl: server.baseUrl, timeoutMs: 60_000 } }));
    expect(error.tried).toContain(`ecs ram role: metadata service ${server.baseUrl} gave no token (HTTP 403) and IMDSv1 is disabled`);
  });

  it("says which source it picked, and which it skipped, in an event", async () => {
    await home.write(".alibabacloud/credentials", INI_OK);
    const events: CredentialsEvent[] = [];
    await chain({ onEvent: (e) => events.push(e) }).getCredentials();
    expect(events).toEqual([
      {
        type: "credentials-source-selected",
        source: "ini file",
        skipped: ["env: ALIBABA_CLOUD_ACCESS_KEY_ID not set", "oidc env: ALIBABA_CLOUD_OIDC_PROVIDER_ARN not set", `cli profile: ${join(home.path, ".aliyun", "config.json")} not found`],
      },
    ]);
  });

  it("routes its sts, ecs, transport, clock and hook options to the sources a profile describes", async () => {
    const fakes = await startCredentialFakes();
    try {
      await home.write(
        ".aliyun/config.json",
        JSON.stringify({
          current: "chained",
          profiles: [
            { name: "chained", mode: "ChainableRamRoleArn", source_profile: "ecs", ram_role_arn: "acs:ram::1:role/app" },
            { name: "ecs", mode: "EcsRamRole" },
          ],
        }),
      );
      const events: CredentialsEvent[] = [];
      const provider = chain({ ...fakes.chainOptions, onEvent: (e) => events.push(e) });
      expect((await provider.getCredentials()).accessKeyId).toBe("STS.app@STS.ECS");
      expect(events.map((e) => `${e.type} ${e.source}`)).toEqual([
        'credentials-refreshed cli profile "ecs" (EcsRamRole)',
        'credentials-refreshed cli profile "chained" (ChainableRamRoleArn)',
        "credentials-source-selected cli profile",
      ]);
    } finally {
      await fakes.close();
    }
  });

  it("concurrent first calls walk the chain once", async () => {
    let calls = 0;
    const explicit: CredentialProvider = {
      getCredentials: async () => {
        calls++;
        await new Promise((r) => setTimeout(r, 5));
        return { accessKeyId: "AK", accessKeySecret: "S" };
      },
    };
    const provider = chain({ credentials: explicit });
    await Promise.all(Array.from({ length: 5 }, () => provider.getCredentials()));
    expect(calls).toBe(1);
  });
});
