import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { AcsClient } from "./client.js";

const SECRET = "client-test-secret-5e1f";
const STATIC = { accessKeyId: "LTAI-client-test", accessKeySecret: SECRET, securityToken: "client-test-token-9a0b" };

describe("AcsClient", () => {
  it("settles defaults: HTTPS, public endpoint, 3 attempts, timeouts, 10 MiB cap", () => {
    const { config } = new AcsClient({ region: "cn-hangzhou", credentials: STATIC });
    expect(config).toMatchObject({ region: "cn-hangzhou", protocol: "https", endpointType: "public", endpoint: undefined, connectTimeoutMs: 5_000, readTimeoutMs: 10_000, maxResponseBytes: 10 * 1024 * 1024 });
    expect(config.retry).toEqual({ maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 20_000 });
    expect(config.userAgent).toMatch(/^acs-modular\/\S+ node\/\S+$/);
  });

  it("merges retry tuning and maxAttempts, and appends the user-agent suffix", () => {
    const { config } = new AcsClient({ region: "r", credentials: STATIC, maxAttempts: 6, retry: { maxDelayMs: 50 }, userAgentSuffix: "my-app/1.0" });
    expect(config.retry).toEqual({ maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 50 });
    expect(config.userAgent).toMatch(/ my-app\/1\.0$/);
  });

  it("wraps fixed credentials in a provider and keeps a given provider as is", async () => {
    await expect(new AcsClient({ region: "r", credentials: STATIC }).config.credentials.getCredentials()).resolves.toMatchObject({ accessKeyId: "LTAI-client-test" });
    const provider = { getCredentials: async () => STATIC };
    expect(new AcsClient({ region: "r", credentials: provider }).config.credentials).toBe(provider);
  });

  it.each<[string, object]>([
    ["maxAttempts 0", { maxAttempts: 0 }],
    ["maxAttempts 2.5", { maxAttempts: 2.5 }],
    ["connectTimeoutMs 0", { connectTimeoutMs: 0 }],
    ["readTimeoutMs -1", { readTimeoutMs: -1 }],
    ["maxResponseBytes NaN", { maxResponseBytes: Number.NaN }],
    ["maxResponseBytes 1.5", { maxResponseBytes: 1.5 }],
    ["maxAttempts Infinity", { maxAttempts: Number.POSITIVE_INFINITY }],
    // Above 2^31−1 ms a Node timer fires at once: every call would time out immediately.
    ["connectTimeoutMs 2^31", { connectTimeoutMs: 2 ** 31 }],
    ["readTimeoutMs MAX_SAFE_INTEGER", { readTimeoutMs: Number.MAX_SAFE_INTEGER }],
    ["readTimeoutMs as a string", { readTimeoutMs: "100" }],
    ["attemptTimeoutMs 0", { attemptTimeoutMs: 0 }],
    ["attemptTimeoutMs Infinity", { attemptTimeoutMs: Number.POSITIVE_INFINITY }],
    ["retry.baseDelayMs -1", { retry: { baseDelayMs: -1 } }],
    ["retry.maxDelayMs NaN", { retry: { maxDelayMs: Number.NaN } }],
    ["retry.maxDelayMs 2^31", { retry: { maxDelayMs: 2 ** 31 } }],
  ])("rejects %s", (_, bad) => {
    expect(() => new AcsClient({ region: "r", credentials: STATIC, ...bad })).toThrow(RangeError);
  });

  it("accepts the largest timer a Node timer can hold, and an attempt bound of its own", () => {
    const { config } = new AcsClient({ region: "r", credentials: STATIC, connectTimeoutMs: 2 ** 31 - 1, readTimeoutMs: 2 ** 31 - 1, attemptTimeoutMs: 250, retry: { baseDelayMs: 0 } });
    expect(config).toMatchObject({ connectTimeoutMs: 2 ** 31 - 1, attemptTimeoutMs: 250 });
    expect(config.retry.baseDelayMs).toBe(0);
  });

  it("leaves the attempt bound to each call by default, and keeps backoff defaults for retry fields given as undefined", () => {
    const { config } = new AcsClient({ region: "r", credentials: STATIC, retry: { baseDelayMs: undefined } as object });
    expect(config.attemptTimeoutMs).toBeUndefined();
    expect(config.retry).toEqual({ maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 20_000 });
  });

  it("reads each option once: a getter cannot pass the check and then change", () => {
    let reads = 0;
    const config = {
      region: "r",
      credentials: STATIC,
      get readTimeoutMs(): number {
        return reads++ === 0 ? 1_000 : -1;
      },
    };
    expect(new AcsClient(config).config.readTimeoutMs).toBe(1_000);
    expect(reads).toBe(1);
  });

  it("prints without credentials: toString, inspect, JSON, and its config", () => {
    const client = new AcsClient({ region: "cn-shanghai", credentials: STATIC });
    expect(String(client)).toBe("AcsClient(region=cn-shanghai)");
    expect(inspect(client)).toBe("AcsClient(region=cn-shanghai)");
    expect(JSON.stringify({ client })).toBe('{"client":"AcsClient(region=cn-shanghai)"}');
    expect(Object.keys(client.config)).not.toContain("credentials");
    for (const text of [inspect(client.config, { depth: 5 }), JSON.stringify(client.config)]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(STATIC.securityToken);
      expect(text).toContain("cn-shanghai");
    }
  });
});
