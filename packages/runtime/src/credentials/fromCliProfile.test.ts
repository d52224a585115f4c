import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CredentialsError } from "../errors/CredentialsError.js";
import { makeTempHome, type TempHome } from "./test-helpers/tempDir.js";
import { fromCliProfile, type FromCliProfileOptions } from "./fromCliProfile.js";
import { isSourceNotFound } from "./sourceErrors.js";

const CONFIG = ".aliyun/config.json";

const akProfile = { name: "default", mode: "AK", access_key_id: "AKID_DEFAULT", access_key_secret: "S1", region_id: "cn-hangzhou" };
const stsProfile = { name: "sts", mode: "StsToken", access_key_id: "STS.ID", access_key_secret: "S2", sts_token: "TOK" };
const ramProfile = { name: "ram", mode: "RamRoleArn", access_key_id: "AK", access_key_secret: "S3", ram_role_arn: "acs:ram::1:role/x" };

describe("fromCliProfile", () => {
  let home: TempHome;
  beforeEach(async () => {
    home = await makeTempHome();
  });
  afterEach(() => home.remove());

  const writeConfig = (config: unknown) => home.write(CONFIG, typeof config === "string" ? config : JSON.stringify(config));
  const load = (options: Omit<FromCliProfileOptions, "homedir"> = {}) =>
    fromCliProfile({ env: {}, homedir: home.path, ...options }).getCredentials();
  const failure = async (options: Omit<FromCliProfileOptions, "homedir"> = {}) => {
    const error = await load(options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    return error as CredentialsError;
  };

  it("uses the `current` profile in AK mode", async () => {
    await writeConfig({ current: "default", profiles: [akProfile, stsProfile] });
    await expect(load()).resolves.toEqual({ accessKeyId: "AKID_DEFAULT", accessKeySecret: "S1" });
  });

  it("supports StsToken mode", async () => {
    await writeConfig({ current: "sts", profiles: [akProfile, stsProfile] });
    await expect(load()).resolves.toEqual({ accessKeyId: "STS.ID", accessKeySecret: "S2", securityToken: "TOK" });
  });

  it("prefers the profile option over ALIBABA_CLOUD_PROFILE over current", async () => {
    await writeConfig({ current: "default", profiles: [akProfile, stsProfile, { ...akProfile, name: "envp", access_key_id: "ENVP" }] });
    expect((await load({ env: { ALIBABA_CLOUD_PROFILE: "envp" } })).accessKeyId).toBe("ENVP");
    expect((await load({ profile: "sts", env: { ALIBABA_CLOUD_PROFILE: "envp" } })).accessKeyId).toBe("STS.ID");
  });

  it("treats a profile without mode as AK (configs from old CLI versions)", async () => {
    const { mode: _mode, ...noMode } = akProfile;
    await writeConfig({ current: "default", profiles: [noMode] });
    expect((await load()).accessKeyId).toBe("AKID_DEFAULT");
  });

  it("reads an explicit path", async () => {
    const path = await home.write("elsewhere/cfg.json", JSON.stringify({ current: "default", profiles: [akProfile] }));
    expect((await load({ path })).accessKeyId).toBe("AKID_DEFAULT");
  });

  it("is 'not found' when the default file is absent, naming the path", async () => {
    const error = await failure();
    expect(isSourceNotFound(error)).toBe(true);
    expect(error.message).toBe(`cli profile: ${join(home.path, CONFIG)} not found`);
  });

  it("is broken when an explicitly given file is absent", async () => {
    const error = await failure({ path: join(home.path, "missing.json") });
    expect(isSourceNotFound(error)).toBe(false);
    expect(error.message).toContain("missing.json not found");
  });

  it("is 'not found' when disabled by ALIBABA_CLOUD_CLI_PROFILE_DISABLED, without reading the file", async () => {
    await writeConfig("{ not json");
    const error = await failure({ env: { ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true" } });
    expect(isSourceNotFound(error)).toBe(true);
    expect(error.message).toContain("disabled by ALIBABA_CLOUD_CLI_PROFILE_DISABLED");
  });

  it("is broken on malformed JSON", async () => {
    await writeConfig('{"current": "default", "profiles": [');
    const error = await failure();
    expect(isSourceNotFound(error)).toBe(false);
    expect(error.message).toBe(`cli profile: ${join(home.path, CONFIG)} is not valid JSON`);
  });

  it("is broken when there is no profiles array", async () => {
    await writeConfig({ current: "default" });
    expect((await failure()).message).toContain('has no "profiles" array');
    await writeConfig([1, 2]);
    expect((await failure()).message).toContain('has no "profiles" array');
  });

  it("is broken when no profile is selected at all", async () => {
    await writeConfig({ profiles: [akProfile] });
    const error = await failure();
    expect(isSourceNotFound(error)).toBe(false);
    expect(error.message).toContain('no "current" profile');
  });

  it("is broken when `current` names a profile that does not exist", async () => {
    await writeConfig({ current: "ghost", profiles: [akProfile] });
    const error = await failure();
    expect(isSourceNotFound(error)).toBe(false);
    expect(error.message).toContain('"current" names profile "ghost"');
  });

  it("is 'not found' when a requested profile is absent (the name may be meant for the ini file)", async () => {
    await writeConfig({ current: "default", profiles: [akProfile] });
    const error = await failure({ env: { ALIBABA_CLOUD_PROFILE: "prod" } });
    expect(isSourceNotFound(error)).toBe(true);
    expect(error.message).toContain('profile "prod" not found');
  });

  it("is broken when an AK profile lacks its secret, naming the key", async () => {
    const { access_key_secret: _s, ...noSecret } = akProfile;
    await writeConfig({ current: "default", profiles: [noSecret] });
    const error = await failure();
    expect(isSourceNotFound(error)).toBe(false);
    expect(error.message).toContain('profile "default"');
    expect(error.message).toContain("(mode AK) has no access_key_secret");
  });

  it("is broken when a StsToken profile lacks its token", async () => {
    await writeConfig({ current: "sts", profiles: [{ ...stsProfile, sts_token: "" }] });
    expect((await failure()).message).toContain("(mode StsToken) has no sts_token");
  });

  it("gives an 'unsupported mode' reason for modes it does not resolve, and lets a chain move on", async () => {
    await writeConfig({ current: "o", profiles: [{ name: "o", mode: "OAuth", oauth_site_type: "CN" }] });
    const error = await failure();
    expect(isSourceNotFound(error)).toBe(true);
    expect(error.message).toContain(
      "unsupported mode OAuth (supported: AK, StsToken, RamRoleArn, EcsRamRole, OIDC, ChainableRamRoleArn, CloudSSO, External, CredentialsURI)",
    );
  });

  it("is broken when a role mode lacks its role, naming the key", async () => {
    await writeConfig({ current: "ram", profiles: [{ ...ramProfile, ram_role_arn: "" }] });
    const error = await failure();
    expect(isSourceNotFound(error)).toBe(false);
    expect(error.message).toContain("(mode RamRoleArn) has no ram_role_arn");
  });

  it("reads the file named by ALIBABA_CLOUD_CONFIG_FILE, and is broken when it is absent", async () => {
    const path = await home.write("elsewhere/config.json", JSON.stringify({ current: "default", profiles: [akProfile] }));
    await expect(load({ env: { ALIBABA_CLOUD_CONFIG_FILE: path } })).resolves.toMatchObject({ accessKeyId: "AKID_DEFAULT" });
    const missing = join(home.path, "nope.json");
    const error = await failure({ env: { ALIBABA_CLOUD_CONFIG_FILE: missing } });
    expect(isSourceNotFound(error)).toBe(false);
    expect(error.message).toBe(`cli profile: ${missing} (from ALIBABA_CLOUD_CONFIG_FILE) not found`);
  });

  it("re-reads the file on every call", async () => {
    await writeConfig({ current: "default", profiles: [akProfile] });
    const provider = fromCliProfile({ env: {}, homedir: home.path });
    expect((await provider.getCredentials()).accessKeyId).toBe("AKID_DEFAULT");
    await writeConfig({ current: "default", profiles: [{ ...akProfile, access_key_id: "ROTATED" }] });
    expect((await provider.getCredentials()).accessKeyId).toBe("ROTATED");
  });
});
