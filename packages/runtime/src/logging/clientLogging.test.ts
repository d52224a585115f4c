// What a client logs, end to end: a real call against a fake endpoint on 127.0.0.1, the default credential
// chain against a fake ECS metadata service, and the lines each level writes.
import { errorReply, jsonReply, startFakeServer, TEST_ACCESS_KEY_ID, TEST_ACCESS_KEY_SECRET } from "@acs-modular/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { describeThings } from "../../test/support/operations.js";
import { testClient } from "../../test/support/testClient.js";
import { AcsClient } from "../client.js";
import type { CredentialsEvent } from "../credentials/events.js";
import { credentialsJson, startFakeMetadataServer } from "../credentials/test-helpers/fakeEcsMetadataServer.js";
import { eventWaiter, manualClock } from "../credentials/test-helpers/manualClock.js";
import { makeTempHome } from "../credentials/test-helpers/tempDir.js";
import type { ClientEvent } from "../hooks/events.js";
import { invokeOperation } from "../invokeOperation.js";
import type { Logger } from "./Logger.js";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A logger that keeps `level: line` for every line, at every level. */
function recorder(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (line: string) => void lines.push(`${level}: ${line}`);
  return { logger: { error: at("error"), warn: at("warn"), info: at("info"), debug: at("debug") }, lines };
}

/** A server that answers 503 once, then 200. */
async function flakyServer() {
  const server = await startFakeServer((_r, i) => (i === 0 ? errorReply(503, "ServiceUnavailable", "busy", "rid-a") : jsonReply(200, { RequestId: "rid-b", TotalCount: 2 }, { "x-acs-request-id": "rid-b" })));
  closers.push(() => server.close());
  return server;
}

describe("client logging", () => {
  it("logs nothing by default: no logger, no logLevel, no ACS_LOG", async () => {
    vi.stubEnv("ACS_LOG", "");
    const writes = [vi.spyOn(console, "error"), vi.spyOn(console, "warn"), vi.spyOn(console, "info"), vi.spyOn(console, "log"), vi.spyOn(console, "debug"), vi.spyOn(process.stderr, "write"), vi.spyOn(process.stdout, "write")];
    const server = await flakyServer();
    await invokeOperation(testClient(server.host), describeThings, { PageSize: 10 });
    expect(writes.map((spy) => spy.mock.calls.length)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it("at info, writes one line per attempt (action, host, attempt, status, code, request id, duration, retry delay)", async () => {
    const server = await flakyServer();
    const { logger, lines } = recorder();
    await invokeOperation(testClient(server.host, { logger }), describeThings, { PageSize: 10 });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^warn: acs-modular warn attempt product=Demo action=DescribeThings host=${server.host} attempt=1 status=503 code=ServiceUnavailable requestId=rid-a durationMs=\\d+ retryInMs=\\d+$`));
    expect(lines[1]).toMatch(new RegExp(`^info: acs-modular info attempt product=Demo action=DescribeThings host=${server.host} attempt=2 status=200 requestId=rid-b durationMs=\\d+$`));
  });

  it("at error, writes only failed calls", async () => {
    const server = await startFakeServer(() => errorReply(404, "InvalidThing.NotFound", "gone", "rid-404"));
    closers.push(() => server.close());
    const { logger, lines } = recorder();
    await expect(invokeOperation(testClient(server.host, { logger, logLevel: "error" }), describeThings, {})).rejects.toMatchObject({ code: "InvalidThing.NotFound" });
    expect(lines).toEqual([expect.stringMatching(/^error: acs-modular error call failed product=Demo action=DescribeThings attempts=1 code=InvalidThing.NotFound requestId=rid-404 durationMs=\d+$/)]);
  });

  it("at debug, also writes each request and response on the wire, redacted", async () => {
    const server = await flakyServer();
    const { logger, lines } = recorder();
    await invokeOperation(testClient(server.host, { logger, logLevel: "debug" }), describeThings, { PageSize: 10 });
    const wire = lines.filter((l) => / (request|response) /.test(l));
    expect(wire).toHaveLength(4);
    expect(wire[0]).toContain(`debug: acs-modular debug request product=Demo action=DescribeThings attempt=1 POST http://${server.host}/?PageSize=10 headers={`);
    expect(wire[0]).toContain(`"authorization":"ACS3-HMAC-SHA256 Credential=****0000,SignedHeaders=`);
    expect(wire[0]).toContain('"x-acs-security-token":"<redacted>"');
    expect(wire[1]).toMatch(/^debug: acs-modular debug response product=Demo action=DescribeThings attempt=1 status=503 durationMs=\d+ headers=\{.*\} body=\{"RequestId":"rid-a","HostId":"nas.cn-hangzhou.aliyuncs.com","Code":"ServiceUnavailable","Message":"busy","Recommend":"https:\/\/api.aliyun.com\/troubleshoot\?q=ServiceUnavailable"\}$/);
    expect(wire[3]).toContain('body={"RequestId":"rid-b","TotalCount":2}');
    expect(lines.at(-1)).toMatch(/^debug: acs-modular debug call succeeded product=Demo action=DescribeThings attempts=2 requestId=rid-b durationMs=\d+$/);
    for (const line of lines) expect(line).not.toContain(TEST_ACCESS_KEY_SECRET);
  });

  it("turns on with ACS_LOG, read once when the client is created, writing to standard error", async () => {
    const server = await flakyServer();
    const stderr = vi.spyOn(console, "error").mockImplementation(() => undefined);
    vi.stubEnv("ACS_LOG", "info");
    const client = testClient(server.host);
    vi.stubEnv("ACS_LOG", "");
    await invokeOperation(client, describeThings, {});
    expect(stderr.mock.calls.map(([line]) => String(line).split(" attempt ")[0])).toEqual(["acs-modular warn", "acs-modular info"]);
    stderr.mockClear();
    await invokeOperation(testClient(server.host), describeThings, {}); // created with ACS_LOG unset: silent
    expect(stderr).not.toHaveBeenCalled();
  });

  it("lets a logger that throws change nothing", async () => {
    const server = await flakyServer();
    const broken: Logger = {
      info: () => {
        throw new Error("disk full");
      },
    };
    await expect(invokeOperation(testClient(server.host, { logger: broken }), describeThings, {})).resolves.toMatchObject({ RequestId: "rid-b" });
  });
});

describe("credential events of the default chain", () => {
  it("reach the client's onEvent and logger as well as credentialChain.onEvent, with no secret in them", async () => {
    const metadata = await startFakeMetadataServer({ roleName: "app-role" });
    closers.push(() => metadata.close());
    const home = await makeTempHome();
    closers.push(() => home.remove());
    const clock = manualClock();
    metadata.behaviour.credentialsBody = () => credentialsJson({ Expiration: new Date(clock.now() + 3_600_000).toISOString() });
    const api = await startFakeServer(() => jsonReply(200, { RequestId: "r" }));
    closers.push(() => api.close());

    const chainEvents = eventWaiter<CredentialsEvent>();
    const clientEvents: ClientEvent[] = [];
    const { logger, lines } = recorder();
    const client = new AcsClient({
      region: "cn-hangzhou",
      endpoint: api.host,
      protocol: "http",
      logger,
      onEvent: (e) => clientEvents.push(e),
      credentialChain: { env: {}, homedir: home.path, now: clock.now, ecs: { baseUrl: metadata.baseUrl, timeoutMs: 60_000 }, onEvent: chainEvents.hook },
    });
    await invokeOperation(client, describeThings, {});

    const credentialTypes = (events: readonly { type: string }[]) => events.map((e) => e.type).filter((t) => t.startsWith("credentials-"));
    expect(credentialTypes(chainEvents.events)).toEqual(["credentials-refreshed", "credentials-source-selected"]);
    expect(credentialTypes(clientEvents)).toEqual(["credentials-refreshed", "credentials-source-selected"]);
    expect(clientEvents.find((e) => e.type === "credentials-source-selected")).toMatchObject({ source: "ecs ram role" });
    expect(lines.filter((l) => l.includes("credentials"))).toEqual([
      expect.stringMatching(/^info: acs-modular info credentials refreshed source="ecs ram role" expiration=\S+ background=false$/),
      expect.stringMatching(/^info: acs-modular info credentials source selected source="ecs ram role" skipped=".*"$/),
    ]);

    // A refresh that fails while the credentials are still valid: served stale, logged at warn.
    metadata.behaviour.credentialsStatus = 500;
    clock.advance(58 * 60_000);
    const failed = chainEvents.next(["credentials-refresh-failed", "credentials-refreshed"]);
    await invokeOperation(client, describeThings, {});
    expect(await failed).toMatchObject({ type: "credentials-refresh-failed" });
    expect(clientEvents.at(-1)).toMatchObject({ type: "credentials-refresh-failed", source: "ecs ram role" });
    expect(lines.at(-1)).toMatch(/^warn: acs-modular warn credentials refresh failed source="ecs ram role" reason=".*HTTP 500.*" expiration=\S+ retryInMs=\d+$/);
    for (const text of [...lines, JSON.stringify(clientEvents)]) {
      for (const secret of ["ecs-secret", "ecs-token", "STS.AKID0000WXYZ", TEST_ACCESS_KEY_ID]) expect(text).not.toContain(secret);
    }
  });
});
