import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CredentialsError } from "../errors/CredentialsError.js";
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

  it("wraps a foreign error from an explicit provider, keeping it as cause", async () => {
    const boom = new TypeError("custom failure");
    const error = await failure(chain({ credentials: { getCredentials: () => Promise.reject(boom) } }));
    expect(error.message).toContain("explicit: provider failed (TypeError)");
    expect(error.cause).toBe(boom);
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
    await home.write(".aliyun/config.json", JSON.stringify({ current: "r", profiles: [{ name: "r", mode: "RamRoleArn" }] }));
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
    const c = await chain({ ecs: { baseUrl: server.baseUrl } }).getCredentials();
    expect(c.accessKeyId).toBe("STS.AKID0000WXYZ");
    expect(c.expiration).toEqual(new Date("2030-01-01T00:00:00Z"));
  });

  it("caches the ECS step: repeated and concurrent calls fetch credentials once", async () => {
    const provider = chain({ ecs: { baseUrl: server.baseUrl } });
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
      `cli profile: ${cli} not found`,
      `ini file: ${ini} not found`,
      `ecs ram role: metadata service ${offline} is unreachable (ECONNREFUSED)`,
    ]);
    expect(error.message).toBe(`No Alibaba Cloud credentials found. Tried: ${error.tried.join("; ")}`);
  });

  it("stops at a broken CLI config instead of falling through to the ini file", async () => {
    await home.write(".aliyun/config.json", "{ broken");
    await home.write(".alibabacloud/credentials", INI_OK);
    const error = await failure(chain());
    expect(error.message).toContain("misconfigured: cli profile:");
    expect(error.message).toContain("is not valid JSON");
    expect(error.message).toContain("skipped before it: env: ALIBABA_CLOUD_ACCESS_KEY_ID not set");
    expect(error.tried).toHaveLength(2);
    expect(error.cause).toBeInstanceOf(CredentialsError);
  });

  it("stops at a profile missing a key", async () => {
    await home.write(".alibabacloud/credentials", "[default]\ntype = access_key\naccess_key_id = AK\n");
    const error = await failure(chain({ ecs: { baseUrl: server.baseUrl } }));
    expect(error.message).toContain("has no access_key_secret");
    expect(server.requests).toHaveLength(0);
  });

  it("stops at half-set environment variables", async () => {
    await home.write(".alibabacloud/credentials", INI_OK);
    const error = await failure(chain({ env: { ALIBABA_CLOUD_ACCESS_KEY_ID: "AK" } }));
    expect(error.message).toContain("env: ALIBABA_CLOUD_ACCESS_KEY_ID is set but ALIBABA_CLOUD_ACCESS_KEY_SECRET is not");
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
