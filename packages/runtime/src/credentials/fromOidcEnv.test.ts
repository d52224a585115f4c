import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CredentialsError } from "../errors/CredentialsError.js";
import { fromOidcEnv } from "./fromOidcEnv.js";
import { isSourceNotFound } from "./sourceErrors.js";
import { type CredentialFakes, startCredentialFakes } from "./test-helpers/credentialFakes.js";
import { makeTempHome, type TempHome } from "./test-helpers/tempDir.js";

describe("fromOidcEnv (ACK RRSA)", () => {
  let fakes: CredentialFakes;
  let home: TempHome;
  let env: Record<string, string>;
  beforeAll(async () => {
    fakes = await startCredentialFakes();
    home = await makeTempHome();
    env = {
      ALIBABA_CLOUD_ROLE_ARN: "acs:ram::1:role/pod",
      ALIBABA_CLOUD_OIDC_PROVIDER_ARN: "acs:ram::1:oidc-provider/ack",
      ALIBABA_CLOUD_OIDC_TOKEN_FILE: await home.write("var/run/secrets/token", "rrsa-token"),
    };
  });
  afterAll(async () => {
    await fakes.close();
    await home.remove();
  });

  const failure = async (e: Record<string, string>) => {
    const error = await fromOidcEnv({ env: e, sts: fakes.chainOptions.sts }).getCredentials().catch((x: unknown) => x);
    expect(error).toBeInstanceOf(CredentialsError);
    return error as CredentialsError;
  };

  it("assumes the role named by the RRSA variables, with the session name variable", async () => {
    const c = await fromOidcEnv({ env: { ...env, ALIBABA_CLOUD_ROLE_SESSION_NAME: "pod-7" }, sts: fakes.chainOptions.sts }).getCredentials();
    expect(c.accessKeyId).toBe("STS.pod@oidc");
    expect(fakes.sts.calls.at(-1)?.params).toMatchObject({ RoleSessionName: "pod-7", OIDCToken: "rrsa-token", OIDCProviderArn: "acs:ram::1:oidc-provider/ack" });
  });

  it("is 'not found' without the provider ARN and token file (a role ARN alone does not count)", async () => {
    const error = await failure({ ALIBABA_CLOUD_ROLE_ARN: "acs:ram::1:role/pod" });
    expect(isSourceNotFound(error)).toBe(true);
    expect(error.message).toBe("oidc env: ALIBABA_CLOUD_OIDC_PROVIDER_ARN not set");
  });

  it("is broken when half set, naming what is missing", async () => {
    const { ALIBABA_CLOUD_ROLE_ARN: _role, ...noRole } = env;
    const error = await failure(noRole);
    expect(isSourceNotFound(error)).toBe(false);
    expect(error.message).toBe("oidc env: ALIBABA_CLOUD_ROLE_ARN not set, but other OIDC variables are");
  });

  it("keeps one provider (and its cache) while the variables do not change", async () => {
    const provider = fromOidcEnv({ env, sts: fakes.chainOptions.sts, now: fakes.clock.now });
    const before = fakes.sts.calls.length;
    await Promise.all(Array.from({ length: 100 }, () => provider.getCredentials()));
    await provider.getCredentials();
    expect(fakes.sts.calls.length - before).toBe(1);
  });
});
