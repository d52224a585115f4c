import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { jsonReply, startFakeServer } from "@acs-modular/testing";
import { CredentialsError } from "../errors/CredentialsError.js";
import { fromCredentialsUri, type FromCredentialsUriOptions } from "./fromCredentialsUri.js";
import { type FakeCredentialsService, startFakeCredentialsService } from "./test-helpers/fakeCredentialsService.js";
import { manualClock } from "./test-helpers/manualClock.js";

describe("fromCredentialsUri", () => {
  let service: FakeCredentialsService;
  const clock = manualClock();
  beforeEach(async () => {
    service = await startFakeCredentialsService({ prefix: "URI", now: clock.now, extra: { Code: "Success" } });
  });
  afterEach(() => service.close());

  const provider = (overrides: Partial<FromCredentialsUriOptions> = {}) =>
    fromCredentialsUri({ uri: `${service.url}/creds?token=q-SeCrEt`, now: clock.now, ...overrides });
  const failure = async (p = provider()) => {
    const error = await p.getCredentials().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    return error as CredentialsError;
  };

  it("GETs the URI (query included) and returns its credentials", async () => {
    await expect(provider().getCredentials()).resolves.toEqual({
      accessKeyId: "URI-1",
      accessKeySecret: "URI-secret-1",
      securityToken: "URI-token-1",
      expiration: new Date(clock.now() + 3_600_000),
    });
    expect(service.server.requests[0]).toMatchObject({ method: "GET", pathname: "/creds", rawQuery: "token=q-SeCrEt" });
  });

  it("caches: 1,000 concurrent calls cost one request", async () => {
    const p = provider();
    await Promise.all(Array.from({ length: 1000 }, () => p.getCredentials()));
    expect(service.served()).toBe(1);
  });

  it("accepts an answer without Code, refuses one whose Code is not Success", async () => {
    for (const [extra, ok] of [[{}, true], [{ Code: "Failed" }, false]] as const) {
      const server = await startFakeServer(() => jsonReply(200, { AccessKeyId: "A", AccessKeySecret: "S", SecurityToken: "T", Expiration: "2031-01-01T00:00:00Z", ...extra }));
      try {
        const p = fromCredentialsUri({ uri: `http://${server.host}/` });
        if (ok) await expect(p.getCredentials()).resolves.toMatchObject({ accessKeyId: "A" });
        else expect((await failure(p)).message).toBe(`credentials uri: http://${server.host}/: Code is "Failed", expected "Success"`);
      } finally {
        await server.close();
      }
    }
  });

  it("names the URL without its query string in errors", async () => {
    service.failWith = 500;
    const error = await failure();
    expect(error.message).toBe(`credentials uri: ${service.url}/creds: HTTP 500`);
    expect(error.message).not.toContain("SeCrEt");
  });

  it("is broken on a URI that is not http(s)", async () => {
    expect((await failure(fromCredentialsUri({ uri: "file:///etc/passwd" }))).message).toBe("credentials uri: (invalid URL): not an http(s) URL");
  });
});
