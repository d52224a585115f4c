import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  TEST_ACCESS_KEY_ID,
  TEST_ACCESS_KEY_SECRET,
  TEST_SECURITY_TOKEN,
  errorReply,
  jsonReply,
  replayFixture,
  startFakeServer,
  type FakeServer,
  type FixtureData,
} from "@acs-modular/testing";
import { AcsClient } from "../client.js";
import { invokeOperation } from "../invokeOperation.js";
import type { OperationDescriptor } from "../operation.js";
import { nodeHttpTransport } from "./nodeHttpTransport.js";
import { RECORD_FIXTURES_ENV, recordingTransport, recordingTransportFromEnv } from "./recordingTransport.js";

const DESCRIPTOR: OperationDescriptor = {
  product: "NAS",
  version: "2017-06-26",
  action: "CancelThing",
  style: "RPC",
  method: "POST",
  pathname: "/",
  access: "write",
  idempotencyToken: "ClientToken",
  endpoints: { pattern: "nas.{regionId}.aliyuncs.com" },
  parameters: [
    { name: "ThingId", in: "query", required: true, schema: { type: "string" } },
    { name: "Tags", in: "query", serialization: "repeatList", schema: { type: "array", items: { type: "object", properties: { Key: { type: "string" } } } } },
    { name: "ClientToken", in: "query", schema: { type: "string" } },
  ],
};
const INPUT = { ThingId: "thing-1 ünï", Tags: [{ Key: "a*b" }] };

let server: FakeServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function recordingClient(host: string, into: string): AcsClient {
  return new AcsClient({
    region: "cn-hangzhou",
    endpoint: `http://${host}`,
    credentials: { accessKeyId: TEST_ACCESS_KEY_ID, accessKeySecret: TEST_ACCESS_KEY_SECRET, securityToken: TEST_SECURITY_TOKEN },
    maxAttempts: 1,
    transport: recordingTransport({ dir: into }),
  });
}

function written(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".json")).sort();
}

describe("recordingTransport", () => {
  it("records a success and an error against a local server, and both recordings replay", async () => {
    server = await startFakeServer((_, i) => (i === 0 ? jsonReply(200, { RequestId: "REQ-OK", Done: true }) : errorReply(404, "InvalidThing.NotFound", "no such thing", "REQ-404")));
    dir = mkdtempSync(join(tmpdir(), "acs-record-"));
    const client = recordingClient(server.host, dir);
    await invokeOperation(client, DESCRIPTOR, INPUT);
    await expect(invokeOperation(client, DESCRIPTOR, INPUT)).rejects.toMatchObject({ code: "InvalidThing.NotFound" });

    expect(written(dir)).toEqual(["CancelThing/live.InvalidThing.NotFound.1.json", "CancelThing/live.ok.1.json"]);
    for (const file of written(dir)) {
      const fixture = JSON.parse(readFileSync(join(dir, file), "utf8")) as FixtureData;
      expect(fixture.source).toBe("live");
      // The token the runtime generated is part of the recorded input, so the replay sends the same one.
      expect(fixture.input.ClientToken).toMatch(/^[0-9a-f-]{36}$/);
      const report = await replayFixture(fixture, {
        createClient: (config) => new AcsClient(config),
        call: (c, input) => invokeOperation(c, DESCRIPTOR, input),
      });
      expect(report.problems).toEqual([]);
    }
  });

  it("writes no access key id, secret, security token or signature", async () => {
    server = await startFakeServer(() => jsonReply(200, { RequestId: "REQ-OK", EchoedKey: TEST_ACCESS_KEY_ID }));
    dir = mkdtempSync(join(tmpdir(), "acs-record-"));
    await invokeOperation(recordingClient(server.host, dir), DESCRIPTOR, INPUT);
    const signature = /Signature=([0-9a-f]{64})/.exec(server.requests[0]!.headers.authorization ?? "")?.[1];
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    const files = written(dir);
    expect(files).toHaveLength(1);
    const text = readFileSync(join(dir, files[0]!), "utf8");
    for (const secret of [TEST_ACCESS_KEY_ID, TEST_ACCESS_KEY_SECRET, TEST_SECURITY_TOKEN, signature!]) expect(text).not.toContain(secret);
    expect(text).toContain("<ACCESS_KEY_ID>");
  });

  it("never overwrites an earlier recording", async () => {
    server = await startFakeServer(() => jsonReply(200, { RequestId: "REQ-OK" }));
    dir = mkdtempSync(join(tmpdir(), "acs-record-"));
    const client = recordingClient(server.host, dir);
    await invokeOperation(client, DESCRIPTOR, INPUT);
    await invokeOperation(client, DESCRIPTOR, INPUT);
    expect(written(dir)).toEqual(["CancelThing/live.ok.1.json", "CancelThing/live.ok.2.json"]);
  });
});

describe("recordingTransport when the fixture cannot be written", () => {
  it("still returns the response (a write must not be retried because recording failed) and warns", async () => {
    server = await startFakeServer(() => jsonReply(200, { RequestId: "R-OK" }));
    const warnings: string[] = [];
    const onWarning = (w: Error): void => void warnings.push(w.message);
    process.on("warning", onWarning);
    try {
      // A file where the recording folder should be: mkdir fails.
      dir = mkdtempSync(join(tmpdir(), "acs-rec-fail-"));
      const blocked = join(dir, "blocked");
      writeFileSync(blocked, "not a folder");
      const client = recordingClient(server.host, blocked);
      await expect(invokeOperation(client, DESCRIPTOR, INPUT)).resolves.toEqual({ RequestId: "R-OK" });
      await new Promise((r) => setImmediate(r));
      expect(warnings.some((m) => m.includes("could not write a fixture"))).toBe(true);
      expect(server.requests).toHaveLength(1);
    } finally {
      process.off("warning", onWarning);
    }
  });
});

describe("recordingTransportFromEnv", () => {
  it("is the given transport when the variable is unset", () => {
    expect(recordingTransportFromEnv({}, nodeHttpTransport)).toBe(nodeHttpTransport);
  });

  it(`records into ${RECORD_FIXTURES_ENV} when it is set`, async () => {
    server = await startFakeServer(() => jsonReply(200, { RequestId: "REQ-OK" }));
    dir = mkdtempSync(join(tmpdir(), "acs-record-"));
    const client = new AcsClient({
      region: "cn-hangzhou",
      endpoint: `http://${server.host}`,
      credentials: { accessKeyId: TEST_ACCESS_KEY_ID, accessKeySecret: TEST_ACCESS_KEY_SECRET },
      transport: recordingTransportFromEnv({ [RECORD_FIXTURES_ENV]: dir }),
    });
    await invokeOperation(client, DESCRIPTOR, INPUT);
    expect(written(dir)).toEqual(["CancelThing/live.ok.1.json"]);
  });
});
