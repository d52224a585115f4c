import { describe, expect, it } from "vitest";
import { CredentialsError } from "../../errors/CredentialsError.js";
import { fromIniFile } from "../fromIniFile.js";
import { isSourceNotFound } from "../sourceErrors.js";
import { BASE_KEY, useCredentialFakes } from "../test-helpers/credentialFakes.js";

describe("ini file types", () => {
  const setup = useCredentialFakes();

  const resolve = async (section: string, env: Record<string, string> = {}) => {
    const path = await setup.home.write(`ini-${Math.random()}`, `[default]\n${section}\n`);
    return fromIniFile({ env, path, ...setup.fakes.chainOptions }).getCredentials();
  };

  it("ram_role_arn: assumes role_arn with the section's keys, sending role_session_name and policy", async () => {
    const c = await resolve(
      `type = ram_role_arn\naccess_key_id = ${BASE_KEY.accessKeyId}\naccess_key_secret = ${BASE_KEY.accessKeySecret}\nrole_arn = acs:ram::1:role/ini\nrole_session_name = ini-session\npolicy = {"Version":"1"}`,
    );
    expect(c.accessKeyId).toBe("STS.ini@AK_BASE");
    expect(setup.fakes.sts.calls[0]?.params).toEqual({ RoleArn: "acs:ram::1:role/ini", RoleSessionName: "ini-session", DurationSeconds: "3600", Policy: '{"Version":"1"}' });
  });

  it("ram_role_arn: is broken without role_arn, before any request", async () => {
    const error = await resolve(`type = ram_role_arn\naccess_key_id = A\naccess_key_secret = S`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    expect(isSourceNotFound(error)).toBe(false);
    expect((error as Error).message).toContain("(type ram_role_arn) has no role_arn");
    expect(setup.fakes.sts.calls).toHaveLength(0);
  });

  it("ecs_ram_role: role_name from the chain's metadata service", async () => {
    expect((await resolve("type = ecs_ram_role\nrole_name = my-role")).accessKeyId).toBe("STS.ECS");
  });

  it("oidc_role_arn: AssumeRoleWithOIDC with oidc_token_file_path", async () => {
    const tokenFile = await setup.home.write("ini-oidc-token", "ini-oidc-token");
    const c = await resolve(`type = oidc_role_arn\nrole_arn = acs:ram::1:role/iniOidc\noidc_provider_arn = acs:ram::1:oidc-provider/p\noidc_token_file_path = ${tokenFile}`);
    expect(c.accessKeyId).toBe("STS.iniOidc@oidc");
    expect(setup.fakes.sts.calls[0]?.params["OIDCToken"]).toBe("ini-oidc-token");
  });

  it("credentials_uri: credentials_uri, else ALIBABA_CLOUD_CREDENTIALS_URI", async () => {
    expect((await resolve(`type = credentials_uri\ncredentials_uri = ${setup.fakes.uri.url}/ini`)).accessKeyId).toMatch(/^URI-\d+$/);
    expect((await resolve("type = credentials_uri", { ALIBABA_CLOUD_CREDENTIALS_URI: `${setup.fakes.uri.url}/env` })).accessKeyId).toMatch(/^URI-\d+$/);
    expect(setup.fakes.uri.server.requests.map((r) => r.pathname).slice(-2)).toEqual(["/ini", "/env"]);
  });
});
