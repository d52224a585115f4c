// Every failure path is driven with a known secret and token in play; none may surface in what errors print.
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CredentialsError } from "../errors/CredentialsError.js";
import { credentialsJson, type FakeMetadataServer, startFakeMetadataServer } from "./test-helpers/fakeEcsMetadataServer.js";
import { makeTempHome, type TempHome } from "./test-helpers/tempDir.js";
import { defaultCredentialProvider } from "./defaultChain.js";
import { fetchEcsRamRoleCredentials } from "./fromEcsRamRole.js";
import { fromAlicloudCredentials } from "./fromAlicloudCredentials.js";
import { fromCliProfile } from "./fromCliProfile.js";
import { fromEnv } from "./fromEnv.js";
import { fromIniFile } from "./fromIniFile.js";
import { fromStatic } from "./staticCredentials.js";
import type { Credentials } from "./types.js";
import { type FakeServer, startFakeServer } from "@acs-modular/testing";
import { cachedProvider } from "./cachedProvider.js";
import type { CredentialsEvent } from "./events.js";
import { fromCloudSso } from "./fromCloudSso.js";
import { fromCredentialsUri } from "./fromCredentialsUri.js";
import { fromExternalProcess } from "./fromExternalProcess.js";
import { fromOidcRoleArn } from "./sts/fromOidcRoleArn.js";
import { fromRamRoleArn } from "./sts/fromRamRoleArn.js";
import { helperCommand } from "./test-helpers/externalCommand.js";
import { manualClock } from "./test-helpers/manualClock.js";

const SECRET = "SeCrEt-7f3a9c1e5b2d";
const TOKEN = "ToKeN-4e8b2f6a0c9d";
const META_TOKEN = "MeTa-5d1c9e3b7a2f";
const OIDC_TOKEN = "OiDc-8c2e6a4f1b9d";
// Every 6-character window of each secret: V8's JSON errors quote a truncated excerpt, so partial leaks count.
const FRAGMENTS = [SECRET, TOKEN, META_TOKEN, OIDC_TOKEN].flatMap((s) => Array.from({ length: s.length - 5 }, (_, i) => s.slice(i, i + 6)));

/** Asserts that no rendering of `value` (an event, a cause) contains a secret. */
function expectClean(value: unknown): void {
  for (const text of [JSON.stringify(value) ?? "", inspect(value, { depth: 10 }), String(value)]) {
    for (const fragment of FRAGMENTS) expect(text).not.toContain(fragment);
  }
}

/** Asserts the attempt fails with a CredentialsError and that no rendering of it, its cause chain included, contains a secret. */
async function expectNoLeak(attempt: () => Promise<Credentials>): Promise<void> {
  const error = await attempt().then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CredentialsError);
  const renderings = [
    (error as Error).message,
    String(error),
    JSON.stringify(error),
    (error as CredentialsError).tried.join("\n"),
    (error as Error).stack ?? "",
    inspect(error, { depth: 10 }), // util.inspect prints the whole `cause` chain too
  ];
  for (let cause = (error as Error).cause; cause !== undefined; cause = (cause as Error).cause) {
    renderings.push(String(cause), (cause as Error).stack ?? "", inspect(cause, { depth: 10 }));
  }
  for (const text of renderings) {
    for (const fragment of FRAGMENTS) expect(text).not.toContain(fragment);
  }
}

// Generous time: some cases spawn Node.
describe("no secret in any credentials error", { timeout: 60_000 }, () => {
  let home: TempHome;
  let server: FakeMetadataServer;
  beforeAll(async () => {
    home = await makeTempHome();
    server = await startFakeMetadataServer({ token: META_TOKEN });
  });
  afterAll(async () => {
    await server.close();
    await home.remove();
  });

  const cli = async (config: string, profile?: string) => {
    const path = await home.write(`cli-${Math.random()}.json`, config);
    return () => fromCliProfile({ env: {}, path, ...(profile === undefined ? {} : { profile }) }).getCredentials();
  };
  const ini = async (text: string, profile = "default") => {
    const path = await home.write(`ini-${Math.random()}`, text);
    return () => fromIniFile({ env: {}, path, profile }).getCredentials();
  };
  const ecs = (body: string, status = 200) => () => {
    server.behaviour.credentialsBody = body;
    server.behaviour.credentialsStatus = status;
    return fetchEcsRamRoleCredentials({ baseUrl: server.baseUrl, env: {}, timeoutMs: 60_000 });
  };

  it("static", async () => {
    await expectNoLeak(() => fromStatic({ accessKeyId: "", accessKeySecret: SECRET, securityToken: TOKEN }).getCredentials());
  });

  it("env", async () => {
    const env1 = { ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET, ALIBABA_CLOUD_SECURITY_TOKEN: TOKEN };
    await expectNoLeak(() => fromEnv({ env: env1 }).getCredentials());
    const env2 = { ALIBABA_CLOUD_ACCESS_KEY_ID: "AK", ALIBABA_CLOUD_SECURITY_TOKEN: TOKEN };
    await expectNoLeak(() => fromEnv({ env: env2 }).getCredentials());
  });

  it("cli profile", async () => {
    const p = (extra: Record<string, unknown>) => JSON.stringify({ current: "d", profiles: [{ name: "d", ...extra }] });
    await expectNoLeak(await cli(`{"current":"d","profiles":[{"name":"d","access_key_secret":"${SECRET}",,]}`));
    await expectNoLeak(await cli(`{"access_key_secret":"${SECRET}"`));
    // An unquoted value makes V8 quote the surrounding source text in its SyntaxError message.
    await expectNoLeak(await cli(`{"current":"d","profiles":[{"name":"d","access_key_secret":${SECRET}}]}`));
    await expectNoLeak(await cli(p({ mode: "AK", access_key_secret: SECRET })));
    await expectNoLeak(await cli(p({ mode: "StsToken", access_key_id: "AK", access_key_secret: SECRET })));
    await expectNoLeak(await cli(p({ mode: "StsToken", access_key_id: "AK", sts_token: TOKEN })));
    await expectNoLeak(await cli(p({ mode: "RamRoleArn", access_key_id: "AK", access_key_secret: SECRET })));
    await expectNoLeak(await cli(p({ mode: { nested: SECRET }, access_key_secret: SECRET })));
    await expectNoLeak(await cli(JSON.stringify({ current: "x", profiles: [{ name: "d", access_key_secret: SECRET }] })));
    await expectNoLeak(await cli(p({ mode: "AK", access_key_secret: SECRET }), "absent"));
    await expectNoLeak(await cli(JSON.stringify({ profiles: [{ name: "d", access_key_secret: SECRET }] })));
  });

  it("ini file", async () => {
    await expectNoLeak(await ini(`[default]\ntype = access_key\naccess_key_secret = ${SECRET}\n`));
    await expectNoLeak(await ini(`[default]\ntype = sts\naccess_key_id = AK\naccess_key_secret = ${SECRET}\n`));
    await expectNoLeak(await ini(`[default]\ntype = sts\naccess_key_id = AK\nsecurity_token = ${TOKEN}\n`));
    await expectNoLeak(await ini(`[default]\ntype = ram_role_arn\naccess_key_id = AK\naccess_key_secret = ${SECRET}\n`));
    await expectNoLeak(await ini(`[default]\naccess_key_id = AK\naccess_key_secret ${SECRET}\n`));
    await expectNoLeak(await ini(`[default]\naccess_key_secret = ${SECRET}\n[x]\nk = ${TOKEN}\n`, "ghost"));
    await expectNoLeak(await ini(`[default]\nenable = false\naccess_key_id = AK\naccess_key_secret = ${SECRET}\n`));
  });

  it("ecs ram role", async () => {
    await expectNoLeak(ecs(`{"AccessKeySecret":"${SECRET}","SecurityToken":"${TOKEN}",`));
    await expectNoLeak(ecs(`{"AccessKeySecret":${SECRET},"SecurityToken":${TOKEN}}`));
    await expectNoLeak(ecs(credentialsJson({ AccessKeySecret: SECRET, SecurityToken: TOKEN, Code: "Failed" })));
    await expectNoLeak(ecs(credentialsJson({ AccessKeySecret: SECRET, SecurityToken: TOKEN, Code: SECRET + " with spaces" })));
    await expectNoLeak(ecs(credentialsJson({ AccessKeySecret: SECRET, SecurityToken: undefined })));
    await expectNoLeak(ecs(credentialsJson({ AccessKeySecret: SECRET, SecurityToken: TOKEN, Expiration: "never" })));
    await expectNoLeak(ecs(credentialsJson({ AccessKeySecret: SECRET, SecurityToken: TOKEN }), 500));
    await expectNoLeak(ecs(JSON.stringify(SECRET)));
  });

  it("alicloud credentials adapter", async () => {
    await expectNoLeak(() => fromAlicloudCredentials({ getCredential: async () => ({ accessKeySecret: SECRET, securityToken: TOKEN }) }).getCredentials());
    const leaky = { getCredential: () => Promise.reject(new Error(`bad secret ${SECRET}`)) };
    // The foreign error carries the secret by construction; it is summarised, so the cause chain is clean too.
    await expectNoLeak(() => fromAlicloudCredentials(leaky).getCredentials());
  });

  it("default chain (stop and all-fail errors)", async () => {
    const path = await home.write("chain-ini", `[default]\naccess_key_secret = ${SECRET}\n`);
    await expectNoLeak(() => defaultCredentialProvider({ env: {}, homedir: home.path, credentialsFilePath: path, ecs: { baseUrl: server.baseUrl, timeoutMs: 60_000 } }).getCredentials());
    await expectNoLeak(() =>
      defaultCredentialProvider({ credentials: { accessKeyId: "", accessKeySecret: SECRET, securityToken: TOKEN } }).getCredentials(),
    );
    const foreign = { getCredentials: () => Promise.reject(new Error(`explicit ${SECRET}`)) };
    await expectNoLeak(() => defaultCredentialProvider({ credentials: foreign }).getCredentials());
    server.behaviour.credentialsBody = `{"AccessKeySecret":"${SECRET}"`;
    await expectNoLeak(() =>
      defaultCredentialProvider({ env: {}, homedir: home.path, ecs: { baseUrl: server.baseUrl, timeoutMs: 60_000 } }).getCredentials(),
    );
  });

  describe("sources that call services", () => {
    // A service that puts every secret it knows into whatever it answers, in each way a body can go wrong.
    const replies = [
      { status: 403, body: JSON.stringify({ Code: "SignatureDoesNotMatch", Message: `string to sign ${SECRET} ${TOKEN} ${OIDC_TOKEN}`, RequestId: "r" }) },
      { status: 500, body: `<html>${SECRET} ${TOKEN} ${OIDC_TOKEN}</html>` },
      { status: 200, body: `{"Credentials":{"AccessKeySecret":"${SECRET}","SecurityToken":"${TOKEN}"` },
      { status: 200, body: JSON.stringify({ Credentials: { AccessKeySecret: SECRET, SecurityToken: TOKEN, Expiration: "never" }, CloudCredential: { AccessKeySecret: SECRET }, Code: SECRET }) },
      { status: 200, body: JSON.stringify({ AccessKeySecret: SECRET, SecurityToken: TOKEN, Code: `${SECRET} x` }) },
    ];
    let echo: FakeServer;
    let next = 0;
    beforeAll(async () => {
      echo = await startFakeServer(() => replies[next % replies.length]!);
    });
    afterAll(() => echo.close());
    const eachReply = async (attempt: () => Promise<Credentials>) => {
      for (next = 0; next < replies.length; next++) await expectNoLeak(attempt);
    };

    it("sts AssumeRole, signed with a secret and a token", async () => {
      const source = fromStatic({ accessKeyId: "AK", accessKeySecret: SECRET, securityToken: TOKEN });
      await eachReply(() => fromRamRoleArn({ source, roleArn: "acs:ram::1:role/r", sts: { endpoint: `http://${echo.host}` }, env: {} }).getCredentials());
    });

    it("sts AssumeRoleWithOIDC, with the token from its file", async () => {
      const oidcTokenFile = await home.write(`oidc-${Math.random()}`, OIDC_TOKEN);
      await eachReply(() =>
        fromOidcRoleArn({ roleArn: "r", oidcProviderArn: "p", oidcTokenFile, sts: { endpoint: `http://${echo.host}` }, env: {} }).getCredentials(),
      );
    });

    it("credentials uri with a token in its query string", async () => {
      await eachReply(() => fromCredentialsUri({ uri: `http://${echo.host}/c?token=${TOKEN}` }).getCredentials());
    });

    it("cloud sso with its access token", async () => {
      await eachReply(() =>
        fromCloudSso({ signInUrl: `http://${echo.host}/login?x=${TOKEN}`, accountId: "1", accessConfig: "a", accessToken: OIDC_TOKEN, accessTokenExpire: 4e9 }).getCredentials(),
      );
      await expectNoLeak(() => fromCloudSso({ signInUrl: "x", accountId: "1", accessConfig: "a", accessToken: OIDC_TOKEN, accessTokenExpire: 1 }).getCredentials());
    });

    it("external process: secrets in its arguments, stdout and stderr", async () => {
      await expectNoLeak(() => fromExternalProcess({ command: helperCommand(`fail --secret=${SECRET}`) }).getCredentials());
      await expectNoLeak(() => fromExternalProcess({ command: helperCommand(`garbage ${TOKEN}`) }).getCredentials());
      await expectNoLeak(() => fromExternalProcess({ command: `/nonexistent/${SECRET} ${TOKEN}` }).getCredentials());
      await expectNoLeak(() => fromExternalProcess({ command: `"${SECRET}` }).getCredentials());
    });

    it("profile modes whose settings hold secrets", async () => {
      const p = (extra: Record<string, unknown>) => JSON.stringify({ current: "d", profiles: [{ name: "d", ...extra }] });
      await expectNoLeak(await cli(p({ mode: "CloudSSO", access_token: OIDC_TOKEN, cloud_sso_sign_in_url: SECRET, cloud_sso_account_id: "1", cloud_sso_access_config: "a" })));
      await expectNoLeak(await cli(p({ mode: "External", process_command: `'${SECRET}` })));
      await expectNoLeak(await cli(p({ mode: "CredentialsURI", credentials_uri: `ftp://h/?t=${TOKEN}` })));
      await expectNoLeak(await cli(p({ mode: "RamRoleArn", access_key_id: "AK", access_key_secret: SECRET, ram_role_arn: "r", expired_seconds: SECRET })));
      await expectNoLeak(await cli(p({ mode: "RamRoleArn", access_key_id: "AK", access_key_secret: SECRET, ram_role_arn: "r", sts_endpoint: `${SECRET}/x?y` })));
      await expectNoLeak(await ini(`[default]\ntype = oidc_role_arn\nrole_arn = r\noidc_provider_arn = p\noidc_token_file_path = /nonexistent-${Math.random()}\npolicy = ${SECRET}\n`));
    });

    it("refresh-failed events", async () => {
      const events: CredentialsEvent[] = [];
      let calls = 0;
      const clock = manualClock(0);
      const upstream = {
        async getCredentials(): Promise<Credentials> {
          if (++calls === 1) return { accessKeyId: "AK", accessKeySecret: SECRET, securityToken: TOKEN, expiration: new Date(60 * 60_000) };
          next = calls % replies.length;
          return fromRamRoleArn({ source: fromStatic({ accessKeyId: "AK", accessKeySecret: SECRET }), roleArn: "r", sts: { endpoint: `http://${echo.host}` }, env: {} }).getCredentials();
        },
      };
      const cached = cachedProvider(upstream, { now: clock.now, onEvent: (e) => events.push(e), refreshMarginMs: 30 * 60_000 });
      await cached.getCredentials();
      clock.set(30 * 60_000 - 61_000); // each loop below advances 61 s first: due, and past each retry delay (≤ 60 s)
      for (let i = 0; i < replies.length; i++) {
        clock.advance(61_000);
        const failed = new Promise<void>((resolve) => {
          const before = events.length;
          const poll = () => (events.length > before ? resolve() : setTimeout(poll, 1));
          poll();
        });
        await cached.getCredentials();
        await failed;
      }
      expect(events.filter((e) => e.type === "credentials-refresh-failed").length).toBeGreaterThanOrEqual(replies.length);
      expectClean(events);
    });
  });
});
