import { describe, expect, it } from "vitest";
import { CredentialsError } from "../errors/CredentialsError.js";
import { defaultCredentials } from "./defaultCredentials.web.js";

describe("defaultCredentials (portable build)", () => {
  it("takes credentials from the environment", async () => {
    const events: unknown[] = [];
    const provider = defaultCredentials({ env: { ALIBABA_CLOUD_ACCESS_KEY_ID: "id", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "secret" }, onEvent: (e) => events.push(e) });
    await expect(provider.getCredentials()).resolves.toMatchObject({ accessKeyId: "id", accessKeySecret: "secret" });
    expect(events).toEqual([{ type: "credentials-source-selected", source: "env", skipped: [] }]);
  });

  it("without them, fails with a CredentialsError that says to pass credentials explicitly", async () => {
    const error = await defaultCredentials({ env: {} }).getCredentials().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as Error).message).toMatch(/^No Alibaba Cloud credentials found \(tried env: ALIBABA_CLOUD_ACCESS_KEY_ID not set\); .*pass credentials explicitly, new AcsClient\(\{ region, credentials: \{ accessKeyId, accessKeySecret \} \}\)/);
    expect((error as CredentialsError).tried[0]).toBe("env: ALIBABA_CLOUD_ACCESS_KEY_ID not set");
  });

  it("stops on a half-set environment with that source's own error", async () => {
    const error = await defaultCredentials({ env: { ALIBABA_CLOUD_ACCESS_KEY_ID: "id" } }).getCredentials().catch((e: unknown) => e);
    expect((error as Error).message).toBe("env: ALIBABA_CLOUD_ACCESS_KEY_ID is set but ALIBABA_CLOUD_ACCESS_KEY_SECRET is not");
  });

  it("counts an environment the runtime refuses to show (Deno without --allow-env) as none", async () => {
    class NotCapable extends Error {
      override name = "NotCapable";
    }
    const env = new Proxy({}, { get: () => { throw new NotCapable("Requires env access"); } });
    const error = await defaultCredentials({ env }).getCredentials().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as CredentialsError).tried[0]).toBe("env: not readable on this runtime (NotCapable)");
    expect((error as Error).message).toContain("pass credentials explicitly");
  });
});
