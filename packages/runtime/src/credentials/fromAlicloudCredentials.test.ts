import * as alicloud from "@alicloud/credentials";
import { describe, expect, it } from "vitest";
import { CredentialsError } from "../errors/CredentialsError.js";
import { ForeignError } from "./foreignError.js";
import { type AlicloudCredentialsClientLike, fromAlicloudCredentials } from "./fromAlicloudCredentials.js";

/** Shaped like `new Credential(config)` from @alicloud/credentials, including its extra model fields. */
function officialLike(model: Record<string, unknown>): AlicloudCredentialsClientLike & { calls: number } {
  const client = {
    calls: 0,
    async getCredential() {
      client.calls++;
      const result = { type: "sts", providerName: "static_sts", ...model };
      return result as Awaited<ReturnType<AlicloudCredentialsClientLike["getCredential"]>>;
    },
  };
  return client;
}

describe("fromAlicloudCredentials", () => {
  it("maps the official model to Credentials, dropping extra fields", async () => {
    const provider = fromAlicloudCredentials(officialLike({ accessKeyId: "AK", accessKeySecret: "S", securityToken: "T" }));
    await expect(provider.getCredentials()).resolves.toEqual({ accessKeyId: "AK", accessKeySecret: "S", securityToken: "T" });
  });

  it("omits an empty security token", async () => {
    const c = await fromAlicloudCredentials(officialLike({ accessKeyId: "AK", accessKeySecret: "S", securityToken: "" })).getCredentials();
    expect("securityToken" in c).toBe(false);
  });

  it("calls the client every time, leaving caching to it", async () => {
    const client = officialLike({ accessKeyId: "AK", accessKeySecret: "S" });
    const provider = fromAlicloudCredentials(client);
    await provider.getCredentials();
    await provider.getCredentials();
    expect(client.calls).toBe(2);
  });

  it("throws a TypeError at construction for objects without getCredential()", () => {
    expect(() => fromAlicloudCredentials({} as AlicloudCredentialsClientLike)).toThrow(TypeError);
    expect(() => fromAlicloudCredentials(null as unknown as AlicloudCredentialsClientLike)).toThrow(TypeError);
  });

  it("wraps a failing client in a CredentialsError naming the error class; the cause keeps only class and code", async () => {
    // The official client really does this: a config it cannot parse is quoted whole in its message.
    const boom = Object.assign(new RangeError('parse aliyun cli config failed: {"access_key_secret":"S"}'), { code: "ENOENT" });
    const error = await fromAlicloudCredentials({ getCredential: () => Promise.reject(boom) })
      .getCredentials()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as CredentialsError).message).toBe("alicloud credentials: getCredential() failed (RangeError)");
    const cause = (error as CredentialsError).cause;
    expect(cause).toBeInstanceOf(ForeignError);
    expect(cause).toMatchObject({ name: "ForeignError[RangeError]", code: "ENOENT" });
    expect(String((cause as Error).message)).not.toContain("access_key_secret");
  });

  it("rejects bearer-token-only results that have no key pair", async () => {
    const provider = fromAlicloudCredentials(officialLike({ type: "bearer", bearerToken: "B" }));
    await expect(provider.getCredentials()).rejects.toThrow("returned no accessKeyId, accessKeySecret");
  });

  it("works with the real @alicloud/credentials client (type-checked against its declarations too)", async () => {
    // The package is CJS with `exports.default = Credential`; Node's interop nests it one `.default` deeper
    // than vitest's does, so accept either shape.
    const interop = alicloud.default as unknown;
    const Credential = (typeof interop === "function" ? interop : (interop as { default: unknown }).default) as typeof alicloud.default.default;
    const { Config } = alicloud;
    const ak = new Credential(new Config({ type: "access_key", accessKeyId: "AKIDREAL1234", accessKeySecret: "S1" }));
    await expect(fromAlicloudCredentials(ak).getCredentials()).resolves.toEqual({ accessKeyId: "AKIDREAL1234", accessKeySecret: "S1" });
    const sts = new Credential(new Config({ type: "sts", accessKeyId: "STS.ID", accessKeySecret: "S2", securityToken: "T" }));
    await expect(fromAlicloudCredentials(sts).getCredentials()).resolves.toEqual({
      accessKeyId: "STS.ID",
      accessKeySecret: "S2",
      securityToken: "T",
    });
  });
});
