import { describe, expect, it } from "vitest";
import { CredentialsError } from "../errors/CredentialsError.js";
import { fromEnv } from "./fromEnv.js";
import { isSourceNotFound } from "./sourceErrors.js";

const ID = "ALIBABA_CLOUD_ACCESS_KEY_ID";
const SECRET = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
const TOKEN = "ALIBABA_CLOUD_SECURITY_TOKEN";

async function failure(env: Record<string, string>): Promise<CredentialsError> {
  const error = await fromEnv({ env }).getCredentials().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CredentialsError);
  return error as CredentialsError;
}

describe("fromEnv", () => {
  it("reads id and secret", async () => {
    await expect(fromEnv({ env: { [ID]: "AKID", [SECRET]: "S" } }).getCredentials()).resolves.toEqual({
      accessKeyId: "AKID",
      accessKeySecret: "S",
    });
  });

  it("reads the optional security token", async () => {
    const c = await fromEnv({ env: { [ID]: "AKID", [SECRET]: "S", [TOKEN]: "T" } }).getCredentials();
    expect(c.securityToken).toBe("T");
  });

  it("is 'not found' when nothing is set", async () => {
    const error = await failure({});
    expect(error.message).toBe(`env: ${ID} not set`);
    expect(isSourceNotFound(error)).toBe(true);
  });

  it("treats empty variables as unset", async () => {
    expect(isSourceNotFound(await failure({ [ID]: "", [SECRET]: "" }))).toBe(true);
  });

  it("is broken (not 'not found') when the id is set without a secret", async () => {
    const error = await failure({ [ID]: "AKID" });
    expect(error.message).toBe(`env: ${ID} is set but ${SECRET} is not`);
    expect(isSourceNotFound(error)).toBe(false);
  });

  it("is broken when the secret is set without an id", async () => {
    const error = await failure({ [SECRET]: "S" });
    expect(error.message).toContain(`${ID} is not`);
    expect(isSourceNotFound(error)).toBe(false);
  });

  it("reads the environment at call time, so rotated values are seen", async () => {
    const env: Record<string, string> = { [ID]: "OLD", [SECRET]: "S" };
    const provider = fromEnv({ env });
    expect((await provider.getCredentials()).accessKeyId).toBe("OLD");
    env[ID] = "NEW";
    expect((await provider.getCredentials()).accessKeyId).toBe("NEW");
  });

  it("defaults to process.env", async () => {
    const saved = { id: process.env[ID], secret: process.env[SECRET], token: process.env[TOKEN] };
    process.env[ID] = "FROM_PROCESS";
    process.env[SECRET] = "S";
    delete process.env[TOKEN];
    try {
      expect((await fromEnv().getCredentials()).accessKeyId).toBe("FROM_PROCESS");
    } finally {
      for (const [name, value] of [[ID, saved.id], [SECRET, saved.secret], [TOKEN, saved.token]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});
