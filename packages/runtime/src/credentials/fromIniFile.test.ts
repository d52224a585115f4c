import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CredentialsError } from "../errors/CredentialsError.js";
import { makeTempHome, type TempHome } from "./test-helpers/tempDir.js";
import { fromIniFile, type FromIniFileOptions } from "./fromIniFile.js";
import { isSourceNotFound } from "./sourceErrors.js";

const FILE = ".alibabacloud/credentials";
const INI = `
[default]
enable = true
type = access_key
access_key_id = AKID_DEFAULT
access_key_secret = S_DEFAULT

[prod]
type = access_key
access_key_id = AKID_PROD
access_key_secret = S_PROD

[temp]
type = sts
access_key_id = STS.ID
access_key_secret = S_TEMP
security_token = TOKEN

[role]
type = ram_role_arn
access_key_id = AK
access_key_secret = S
role_arn = acs:ram::1:role/r

[off]
enable = false
type = access_key
access_key_id = AK_OFF
access_key_secret = S_OFF

[notype]
access_key_id = AK_NOTYPE
access_key_secret = S_NOTYPE

[nosecret]
type = access_key
access_key_id = AK_NOSECRET
`;

describe("fromIniFile", () => {
  let home: TempHome;
  beforeEach(async () => {
    home = await makeTempHome();
  });
  afterEach(() => home.remove());

  const load = (options: Omit<FromIniFileOptions, "homedir"> = {}) =>
    fromIniFile({ env: {}, homedir: home.path, ...options }).getCredentials();
  const failure = async (options: Omit<FromIniFileOptions, "homedir"> = {}) => {
    const error = await load(options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    return error as CredentialsError;
  };

  it("reads [default] with type = access_key", async () => {
    await home.write(FILE, INI);
    await expect(load()).resolves.toEqual({ accessKeyId: "AKID_DEFAULT", accessKeySecret: "S_DEFAULT" });
  });

  it("uses ALIBABA_CLOUD_PROFILE, and the profile option over it", async () => {
    await home.write(FILE, INI);
    expect((await load({ env: { ALIBABA_CLOUD_PROFILE: "prod" } })).accessKeyId).toBe("AKID_PROD");
    expect((await load({ profile: "default", env: { ALIBABA_CLOUD_PROFILE: "prod" } })).accessKeyId).toBe("AKID_DEFAULT");
  });

  it("supports type = sts with a security token", async () => {
    await home.write(FILE, INI);
    await expect(load({ profile: "temp" })).resolves.toEqual({
      accessKeyId: "STS.ID",
      accessKeySecret: "S_TEMP",
      securityToken: "TOKEN",
    });
  });

  it("assumes access_key when type is absent", async () => {
    await home.write(FILE, INI);
    expect((await load({ profile: "notype" })).accessKeyId).toBe("AK_NOTYPE");
  });

  it("reads the file named by ALIBABA_CLOUD_CREDENTIALS_FILE", async () => {
    const path = await home.write("custom/creds.ini", "[default]\naccess_key_id = AK_ENV\naccess_key_secret = S");
    expect((await load({ env: { ALIBABA_CLOUD_CREDENTIALS_FILE: path } })).accessKeyId).toBe("AK_ENV");
  });

  it("prefers the path option over ALIBABA_CLOUD_CREDENTIALS_FILE", async () => {
    const a = await home.write("a.ini", "[default]\naccess_key_id = AK_A\naccess_key_secret = S");
    const b = await home.write("b.ini", "[default]\naccess_key_id = AK_B\naccess_key_secret = S");
    expect((await load({ path: a, env: { ALIBABA_CLOUD_CREDENTIALS_FILE: b } })).accessKeyId).toBe("AK_A");
  });

  it("is 'not found' when the default file is absent, naming the path", async () => {
    const error = await failure();
    expect(isSourceNotFound(error)).toBe(true);
    expect(error.message).toBe(`ini file: ${join(home.path, FILE)} not found`);
  });

  it("is broken when the file named by ALIBABA_CLOUD_CREDENTIALS_FILE is absent", async () => {
    const error = await failure({ env: { ALIBABA_CLOUD_CREDENTIALS_FILE: join(home.path, "nope.ini") } });
    expect(isSourceNotFound(error)).toBe(false);
    expect(error.message).toContain("(from ALIBABA_CLOUD_CREDENTIALS_FILE) not found");
  });

  it("is broken when the file named by the path option is absent", async () => {
    const error = await failure({ path: join(home.path, "nope.ini") });
    expect(isSourceNotFound(error)).toBe(false);
    expect(error.message).toContain("(from path option) not found");
  });

  it("is broken when the file cannot be read", async () => {
    const error = await failure({ path: home.path });
    expect(isSourceNotFound(error)).toBe(false);
    expect(error.message).toContain("cannot be read (EISDIR)");
  });

  it("is 'not found' when the section is absent", async () => {
    await home.write(FILE, INI);
    const error = await failure({ profile: "ghost" });
    expect(isSourceNotFound(error)).toBe(true);
    expect(error.message).toContain("no section [ghost]");
  });

  it("is 'not found' when the section has enable = false", async () => {
    await home.write(FILE, INI);
    const error = await failure({ profile: "off" });
    expect(isSourceNotFound(error)).toBe(true);
    expect(error.message).toContain("enable = false");
  });

  it("gives an 'unsupported type' reason for types it does not resolve", async () => {
    await home.write(FILE, "[default]\ntype = rsa_key_pair\npublic_key_id = P\n");
    const error = await failure();
    expect(isSourceNotFound(error)).toBe(true);
    expect(error.message).toContain(
      "unsupported type rsa_key_pair (supported: access_key, sts, ecs_ram_role, ram_role_arn, oidc_role_arn, credentials_uri)",
    );
  });

  it("is broken when a key is missing, naming it", async () => {
    await home.write(FILE, INI);
    const error = await failure({ profile: "nosecret" });
    expect(isSourceNotFound(error)).toBe(false);
    expect(error.message).toContain("[nosecret]");
    expect(error.message).toContain("(type access_key) has no access_key_secret");
  });

  it("is broken when an sts section lacks its token", async () => {
    await home.write(FILE, "[default]\ntype = sts\naccess_key_id = A\naccess_key_secret = S\n");
    expect((await failure()).message).toContain("(type sts) has no security_token");
  });
});
