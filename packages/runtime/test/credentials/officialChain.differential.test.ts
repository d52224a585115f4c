// Differential test of the default credential chain against @alicloud/credentials 2.4.7's: for each row of
// helpers/differentialCases.ts, a temporary HOME and environment are set up, and both chains resolve them
// with their defaults — ours is `defaultCredentialProvider()` with only a longer metadata timeout, the official
// one `new Credential()` (its metadata timeout lengthened the same way) — through the same fakes:
// an STS (HTTPS, verifying both clients' signatures), an ECS metadata service, a credentials URI and a CloudSSO
// portal, all on 127.0.0.1 behind the network sandbox (helpers/networkSandbox.ts), which also makes sure no
// connection leaves the machine. Both must resolve the same AccessKeyId and ask STS the same thing on the same
// host, or the row says why they differ and what each gives.
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeServer, jsonReply, startFakeServer } from "@acs-modular/testing";
import { defaultCredentialProvider } from "../../src/credentials/defaultChain.js";
import { helperCommand } from "../../src/credentials/test-helpers/externalCommand.js";
import { credentialsJson, type FakeMetadataServer, startFakeMetadataServer, unusedLocalUrl } from "../../src/credentials/test-helpers/fakeEcsMetadataServer.js";
import { type FakeStsServer, type StsCallRecord, startFakeStsServer } from "../../src/credentials/test-helpers/fakeStsServer.js";
import { makeTempHome } from "../../src/credentials/test-helpers/tempDir.js";
import { type CaseContext, type CaseInputs, DIFFERENTIAL_CASES, type Outcome } from "./helpers/differentialCases.js";
import { FAKE_STS_TLS, installNetworkSandbox, type SandboxConnection, type SandboxRoutes } from "./helpers/networkSandbox.js";

interface OfficialCredential {
  getCredential(): Promise<{ accessKeyId?: string }>;
}
interface OfficialModule {
  default: new () => OfficialCredential;
  ECSRAMRoleCredentialsProvider: { builder(): { build(): unknown } };
}
// CommonJS with `exports.default = Credential`.
const official = createRequire(import.meta.url)("@alicloud/credentials") as OfficialModule;
const Credential = official.default;

/**
 * Both chains give the metadata service 1 s by default, which a loaded test machine can exceed. Ours takes a
 * `timeoutMs`; the official chain builds its ECS provider without one, so its builder's `build` is wrapped, for
 * this test only, to default both timeouts to 60 s. Outcomes then never depend on how busy the machine is.
 */
const ECS_TIMEOUT_MS = 60_000;
function generousOfficialEcsTimeouts(): () => void {
  const proto = Object.getPrototypeOf(official.ECSRAMRoleCredentialsProvider.builder()) as {
    build(this: { readTimeout?: number; connectTimeout?: number }): unknown;
  };
  const build = proto.build;
  proto.build = function (this: { readTimeout?: number; connectTimeout?: number }) {
    this.readTimeout ??= ECS_TIMEOUT_MS;
    this.connectTimeout ??= ECS_TIMEOUT_MS;
    return build.call(this);
  };
  return () => {
    proto.build = build;
  };
}

/** What one side did: its outcome, the STS calls it made and the connections it opened. */
interface SideResult {
  readonly outcome: Outcome;
  readonly sts: readonly StsCallRecord[];
  readonly connections: readonly SandboxConnection[];
}

const OFFICIAL_DEFAULT_SESSION = /^credentials-nodejs-\d+$/;
const OUR_DEFAULT_SESSION = /^acs-modular-\d+$/;

// Generous per-case time: External cases spawn Node twice. Assertions are on outcomes, never on time.
describe("default chain vs @alicloud/credentials 2.4.7", { timeout: 60_000 }, () => {
  let sts: FakeStsServer;
  let metadata: FakeMetadataServer;
  let fixed: FakeServer;
  let restoreSandbox: () => void;
  let restoreOfficialEcs: () => void;
  const routes: SandboxRoutes = { sts: "", metadata: undefined, closed: "" };
  const connections: SandboxConnection[] = [];
  const table: string[] = [];

  beforeAll(async () => {
    sts = await startFakeStsServer({ tls: FAKE_STS_TLS });
    sts.addAccessKey("AK_BASE", "base-secret");
    sts.addAccessKey("STS.ECS", "ecs-secret", "ecs-token");
    metadata = await startFakeMetadataServer();
    metadata.behaviour.credentialsBody = () =>
      credentialsJson({ AccessKeyId: "STS.ECS", AccessKeySecret: "ecs-secret", SecurityToken: "ecs-token", Expiration: hourFromNow() });
    // One server for the credentials URI and the CloudSSO portal, answering fixed ids so both sides can match.
    fixed = await startFakeServer((request) => {
      const credentials = { AccessKeySecret: "fixed-secret", SecurityToken: "fixed-token", Expiration: hourFromNow() };
      if (request.pathname === "/cloud-credentials") return jsonReply(200, { CloudCredential: { AccessKeyId: "SSO-FIXED", ...credentials } });
      return jsonReply(200, { Code: "Success", AccessKeyId: "URI-FIXED", ...credentials });
    });
    routes.sts = sts.host;
    routes.closed = new URL(await unusedLocalUrl()).host;
    restoreSandbox = installNetworkSandbox(routes, connections);
    restoreOfficialEcs = generousOfficialEcsTimeouts();
  });

  afterAll(async () => {
    restoreSandbox();
    restoreOfficialEcs();
    await Promise.all([sts.close(), metadata.close(), fixed.close()]);
    if (process.env["PRINT_DIFFERENTIAL_TABLE"]) console.info(["| case | ours | official | verdict |", "| --- | --- | --- | --- |", ...table].join("\n"));
  });

  it.each(DIFFERENTIAL_CASES)("$name", async (row) => {
    const home = await makeTempHome();
    try {
      const ctx: CaseContext = {
        home: home.path,
        tokenFile: await home.write("var/run/secrets/oidc-token", "oidc-token-value"),
        uriUrl: `http://${fixed.host}`,
        ssoUrl: `http://${fixed.host}`,
        command: helperCommand,
        ssoExpire: Math.floor(Date.now() / 1000) + 3600,
      };
      const inputs = row.inputs(ctx);
      await writeHome(home, inputs);
      setEcs(inputs.ecs ?? "v2");
      const env = Object.fromEntries(Object.entries(inputs.env ?? {}).map(([k, v]) => [k, v.replace("{HOME}", home.path)]));
      const { ours, official } = await withProcessEnv({ HOME: home.path, ...env }, async () => ({
        ours: await side(() => defaultCredentialProvider({ ecs: { timeoutMs: ECS_TIMEOUT_MS } }).getCredentials()),
        official: await side(() => new Credential().getCredential()),
      }));
      // Ours never tries a host the sandbox does not know.
      expect(ours.connections.filter((c) => c.route === "blocked")).toEqual([]);
      table.push(`| ${row.name} | ${show(ours.outcome)} | ${show(official.outcome)} | ${row.difference ? `difference: ${row.difference.reason}` : "same"} |`);

      if (row.difference) {
        expect({ ours: ours.outcome, official: official.outcome }).toEqual({ ours: row.difference.ours, official: row.difference.official });
        return;
      }
      const expected: Outcome = typeof row.same === "string" ? { accessKeyId: row.same } : { error: true };
      expect(ours.outcome).toEqual(expected);
      expect(official.outcome).toEqual(expected);
      // Same STS conversation: same actions, on the same host, with the same parameters.
      expect(stsShape(ours.sts, OUR_DEFAULT_SESSION)).toEqual(stsShape(official.sts, OFFICIAL_DEFAULT_SESSION));
    } finally {
      await home.remove();
    }
  });

  it("let no connection out: every connection went to a fake, or was refused", () => {
    expect(connections.length).toBeGreaterThan(0);
    // The only refused one: with ALIBABA_CLOUD_CREDENTIALS_URI unset, the official chain's last provider builds
    // its URL from an undefined host and asks https://undefined/ (a DNS lookup, without the sandbox).
    expect(new Set(connections.filter((c) => c.route === "blocked").map((c) => c.host))).toEqual(new Set(["undefined"]));
  });

  /** Runs one side, recording its outcome and the STS calls it made. */
  async function side(resolve: () => Promise<{ accessKeyId?: string }>): Promise<SideResult> {
    const before = sts.calls.length;
    const connectionsBefore = connections.length;
    const outcome = await resolve().then(
      (c): Outcome => (c.accessKeyId ? { accessKeyId: c.accessKeyId } : { error: true }),
      (): Outcome => ({ error: true }),
    );
    return { outcome, sts: sts.calls.slice(before), connections: connections.slice(connectionsBefore) };
  }

  function setEcs(mode: CaseInputs["ecs"]): void {
    // Pooled keep-alive sockets (both clients keep them) would reach the fake whatever the route says.
    metadata.dropConnections();
    routes.metadata = mode === "none" ? undefined : new URL(metadata.baseUrl).host;
    metadata.behaviour.token = mode === "v1-only" ? undefined : "tok-123";
    metadata.behaviour.imdsV1 = mode === "v1-only";
  }
});

function hourFromNow(): string {
  return new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

async function writeHome(home: { path: string; write(relative: string, content: string): Promise<string> }, inputs: CaseInputs): Promise<void> {
  if (inputs.cli !== undefined) await home.write(".aliyun/config.json", JSON.stringify(inputs.cli));
  if (inputs.ini !== undefined) await home.write(".alibabacloud/credentials", inputs.ini);
  for (const [relative, content] of Object.entries(inputs.files ?? {})) await home.write(relative, content);
}

/**
 * Runs `body` with `HOME` and the Alibaba variables of `env` and no others: the official chain reads
 * `process.env` and `os.homedir()` (which reads HOME) directly, so this is the only way to give it the case.
 */
async function withProcessEnv<T>(env: Record<string, string>, body: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  const isOurs = (key: string) => key === "HOME" || /^(ALIBABA_CLOUD|ALIBABACLOUD|ALICLOUD)_/.test(key);
  for (const key of Object.keys(process.env)) if (isOurs(key)) delete process.env[key];
  Object.assign(process.env, env);
  try {
    return await body();
  } finally {
    for (const key of Object.keys(process.env)) if (isOurs(key)) delete process.env[key];
    for (const [key, value] of Object.entries(saved)) if (isOurs(key) && value !== undefined) process.env[key] = value;
  }
}

/** The comparable part of STS calls: action, host and parameters, a client's default session name left out. */
function stsShape(calls: readonly StsCallRecord[], defaultSession: RegExp): unknown[] {
  return calls.map((call) => {
    const { RoleSessionName, ...params } = call.params;
    return { action: call.action, host: call.host, ...params, ...(RoleSessionName && !defaultSession.test(RoleSessionName) ? { RoleSessionName } : {}) };
  });
}

function show(outcome: Outcome): string {
  return "accessKeyId" in outcome ? outcome.accessKeyId : "error";
}
