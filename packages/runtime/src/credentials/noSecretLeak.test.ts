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

const SECRET = "SeCrEt-7f3a9c1e5b2d";
const TOKEN = "ToKeN-4e8b2f6a0c9d";
const META_TOKEN = "MeTa-5d1c9e3b7a2f";
// Every 6-character window of each secret: V8's JSON errors quote a truncated excerpt, so partial leaks count.
const FRAGMENTS = [SECRET, TOKEN, META_TOKEN].flatMap((s) => Array.from({ length: s.length - 5 }, (_, i) => s.slice(i, i + 6)));

/** Asserts the attempt fails with a CredentialsError and that no rendering of it contains a secret. */
async function expectNoLeak(attempt: () => Promise<Credentials>, options: { inspectCause?: boolean } = {}): Promise<void> {
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
  ];
  // util.inspect also prints `cause`; skipped only where the test itself planted the secret in a foreign cause.
  if (options.inspectCause !== false) renderings.push(inspect(error, { depth: 10 }));
  for (const text of renderings) {
    for (const fragment of FRAGMENTS) expect(text).not.toContain(fragment);
  }
}

describe("no secret in any credentials error", () => {
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
    return fetchEcsRamRoleCredentials({ baseUrl: server.baseUrl, env: {} });
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
    // The foreign error (cause) carries the secret by construction; our own message, JSON and tried must not.
    await expectNoLeak(() => fromAlicloudCredentials(leaky).getCredentials(), { inspectCause: false });
  });

  it("default chain (stop and all-fail errors)", async () => {
    const path = await home.write("chain-ini", `[default]\naccess_key_secret = ${SECRET}\n`);
    await expectNoLeak(() => defaultCredentialProvider({ env: {}, homedir: home.path, credentialsFilePath: path }).getCredentials());
    await expectNoLeak(() =>
      defaultCredentialProvider({ credentials: { accessKeyId: "", accessKeySecret: SECRET, securityToken: TOKEN } }).getCredentials(),
    );
    const foreign = { getCredentials: () => Promise.reject(new Error(`explicit ${SECRET}`)) };
    await expectNoLeak(() => defaultCredentialProvider({ credentials: foreign }).getCredentials(), { inspectCause: false });
    server.behaviour.credentialsBody = `{"AccessKeySecret":"${SECRET}"`;
    await expectNoLeak(() =>
      defaultCredentialProvider({ env: {}, homedir: home.path, ecs: { baseUrl: server.baseUrl } }).getCredentials(),
    );
  });
});
