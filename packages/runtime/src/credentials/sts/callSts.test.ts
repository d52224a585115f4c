import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFakeServer } from "@acs-modular/testing";
import { CredentialsError } from "../../errors/CredentialsError.js";
import { type FakeStsServer, startFakeStsServer } from "../test-helpers/fakeStsServer.js";
import { unusedLocalUrl } from "../test-helpers/fakeEcsMetadataServer.js";
import { callSts, type StsCall } from "./callSts.js";

const BASE = { accessKeyId: "AK_BASE", accessKeySecret: "base-secret" };

describe("callSts", () => {
  let sts: FakeStsServer;
  beforeEach(async () => {
    sts = await startFakeStsServer();
    sts.addAccessKey(BASE.accessKeyId, BASE.accessKeySecret);
  });
  afterEach(() => sts.close());

  const call = (overrides: Partial<StsCall> = {}): Promise<unknown> =>
    callSts({
      action: "AssumeRole",
      params: [["RoleArn", "acs:ram::1:role/r"], ["RoleSessionName", "s"], ["DurationSeconds", "3600"]],
      credentials: BASE,
      endpoint: { protocol: "http:", host: sts.host },
      timeouts: { connectTimeoutMs: 5_000, readTimeoutMs: 5_000 },
      transport: undefined,
      now: () => Date.UTC(2030, 0, 1),
      source: "test",
      ...overrides,
    });
  const failure = async (overrides: Partial<StsCall> = {}): Promise<CredentialsError> => {
    const error = await call(overrides).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    return error as CredentialsError;
  };

  it("signs AssumeRole with signature V3 (the fake verifies it) and returns the Credentials object", async () => {
    await expect(call()).resolves.toMatchObject({ accessKeyId: "STS.r@AK_BASE", accessKeySecret: "sts-secret-1", securityToken: "sts-token-1" });
    expect(sts.calls).toEqual([
      expect.objectContaining({ action: "AssumeRole", signature: "v3", callerAccessKeyId: "AK_BASE", outcome: "STS.r@AK_BASE" }),
    ]);
    expect(sts.calls[0]?.params).toEqual({ RoleArn: "acs:ram::1:role/r", RoleSessionName: "s", DurationSeconds: "3600" });
  });

  it("sends chained credentials' token in x-acs-security-token (the fake refuses a missing or wrong one)", async () => {
    sts.addAccessKey("STS.mid", "mid-secret", "mid-token");
    await expect(call({ credentials: { accessKeyId: "STS.mid", accessKeySecret: "mid-secret", securityToken: "mid-token" } })).resolves.toBeDefined();
    const error = await failure({ credentials: { accessKeyId: "STS.mid", accessKeySecret: "mid-secret" } });
    expect(error.message).toContain("HTTP 400 InvalidSecurityToken.Mismatch");
  });

  it("calls AssumeRoleWithOIDC anonymously: x-acs headers, no Authorization", async () => {
    const server = await startFakeServer(() => ({ status: 200, body: JSON.stringify({ Credentials: { AccessKeyId: "A", AccessKeySecret: "S", SecurityToken: "T", Expiration: "2030-01-01T01:00:00Z" } }) }));
    try {
      await call({ action: "AssumeRoleWithOIDC", credentials: undefined, endpoint: { protocol: "http:", host: server.host } });
      const [request] = server.requests;
      expect(request?.headers.authorization).toBeUndefined();
      expect(request?.headers).toMatchObject({ "x-acs-action": "AssumeRoleWithOIDC", "x-acs-version": "2015-04-01", host: server.host, "x-acs-date": "2030-01-01T00:00:00Z" });
      expect(request?.headers["x-acs-content-sha256"]).toMatch(/^[0-9a-f]{64}$/);
      expect(request?.method).toBe("POST");
      expect(request?.pathname).toBe("/");
      expect(request?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    } finally {
      await server.close();
    }
  });

  it("names action, host, status, STS code and request id on refusal, never STS's message", async () => {
    sts.behaviour.failWith = { status: 403, code: "NoPermission" };
    const error = await failure();
    expect(error.message).toBe(`test: sts AssumeRole (${sts.host}): HTTP 403 NoPermission (RequestId 00000000-0000-4000-8000-000000000001)`);
    expect(error.message).not.toContain("fake STS refused");
  });

  it("reports an unknown key and a bad signature by STS's codes", async () => {
    expect((await failure({ credentials: { accessKeyId: "AK_NOBODY", accessKeySecret: "x" } })).message).toContain("InvalidAccessKeyId.NotFound");
    expect((await failure({ credentials: { ...BASE, accessKeySecret: "wrong" } })).message).toContain("SignatureDoesNotMatch");
  });

  it("is broken when STS is unreachable", async () => {
    const url = new URL(await unusedLocalUrl());
    const error = await failure({ endpoint: { protocol: "http:", host: url.host } });
    expect(error.message).toBe(`test: sts AssumeRole (${url.host}): STS is unreachable (ECONNREFUSED)`);
  });

  it("is broken on a 200 that is not JSON or has no Credentials", async () => {
    for (const [body, reason] of [
      ["<html>", "response is not valid JSON"],
      ["{}", "response has no Credentials"],
      [JSON.stringify({ Credentials: { AccessKeyId: "A" } }), "response has no AccessKeySecret, SecurityToken, Expiration"],
    ] as const) {
      const server = await startFakeServer(() => ({ status: 200, body }));
      try {
        expect((await failure({ endpoint: { protocol: "http:", host: server.host } })).message).toContain(reason);
      } finally {
        await server.close();
      }
    }
  });
});
