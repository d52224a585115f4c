// No secret ever reaches a log line, at any level: the AccessKey secret, the security token, the signature,
// the AccessKey id (only its last 4 characters), and a parameter that looks like a password, in every form
// a server may echo them (raw, percent-encoded, form-encoded), through successes, retries and failures.
import { startFakeServer, TEST_ACCESS_KEY_ID, TEST_ACCESS_KEY_SECRET, TEST_SECURITY_TOKEN, type FakeReply, type ReceivedRequest } from "@acs-modular/testing";
import { afterEach, describe, expect, it } from "vitest";
import { testClient } from "../../test/support/testClient.js";
import { invokeOperation } from "../invokeOperation.js";
import type { OperationDescriptor } from "../operation.js";
import type { Logger, LogLevel } from "./Logger.js";
import { LOG_LEVELS } from "./logLevel.js";

const PASSWORD = "Hunter2-Password!/+=";
const USER_DATA = "#!/bin/sh echo private-user-data";

const common = { product: "Demo", version: "2020-01-01", endpoints: { pattern: "demo.{regionId}.aliyuncs.com" } } as const;

/** An RPC write with a password in the query, user data in a form body, and a token in a header parameter. */
const createInstance: OperationDescriptor = {
  ...common,
  action: "CreateInstance",
  style: "RPC",
  method: "POST",
  pathname: "/",
  access: "write",
  idempotencyToken: "ClientToken",
  body: { encoding: "form" },
  parameters: [
    { name: "Password", in: "query", schema: { type: "string" } },
    { name: "Amount", in: "query", schema: { type: "integer" } },
    { name: "ClientToken", in: "query", schema: { type: "string" } },
    { name: "UserData", in: "body", schema: { type: "string" } },
    { name: "x-acs-session", in: "header", schema: { type: "string" } },
  ],
};

/** An ROA call with a secret in its path and in a JSON body. */
const setSecret: OperationDescriptor = {
  ...common,
  action: "SetSecret",
  style: "ROA",
  method: "PUT",
  pathname: "/secrets/{SecretName}",
  access: "write",
  body: { encoding: "json" },
  parameters: [
    { name: "SecretName", in: "path", schema: { type: "string" } },
    { name: "value", in: "body", schema: { type: "string" } },
    { name: "ttl", in: "body", schema: { type: "integer" } },
  ],
};

/** Every form a secret can take on the wire or in a server's echo of it. */
function forms(secret: string): string[] {
  return [secret, encodeURIComponent(secret), new URLSearchParams({ v: secret }).toString().slice(2), JSON.stringify(secret).slice(1, -1)];
}

/** An answer that echoes everything it received back, in its message, headers and fields. */
function echo(status: number, request: ReceivedRequest): FakeReply {
  const seen = `${request.rawQuery} ${request.body} ${JSON.stringify(request.headers)}`;
  const body = { RequestId: `rid-${status}`, Code: status === 200 ? undefined : "InvalidParameter", Message: `got ${seen} for ${PASSWORD}`, AccessKeySecret: TEST_ACCESS_KEY_SECRET, Password: PASSWORD, Echo: seen };
  return { status, headers: { "content-type": "application/json", "x-echo": seen, "set-cookie": `t=${TEST_SECURITY_TOKEN}` }, body: JSON.stringify(body) };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** Runs the calls of the scenario with a client logging at `level`; returns every line and every signature sent. */
async function scenario(level: LogLevel): Promise<{ lines: string[]; signatures: string[] }> {
  // 503 then 200 (a retry that succeeds); 400 (a call that fails); three dropped connections (a network error
  // after retries); 200 for the ROA call.
  const replies = [503, 200, 400, 0, 0, 0, 200];
  const server = await startFakeServer((request, i) => (replies[i] === 0 ? { destroy: true } : echo(replies[i] ?? 200, request)));
  closers.push(() => server.close());
  const lines: string[] = [];
  const logger: Logger = Object.fromEntries(LOG_LEVELS.map((l) => [l, (line: string) => void lines.push(line)]));
  const client = testClient(server.host, { logger, logLevel: level });
  const input = { Password: PASSWORD, Amount: 2, UserData: USER_DATA, "x-acs-session": TEST_SECURITY_TOKEN };
  await invokeOperation(client, createInstance, input);
  await expect(invokeOperation(client, createInstance, input)).rejects.toMatchObject({ code: "InvalidParameter" });
  await expect(invokeOperation(client, createInstance, input, { maxAttempts: 3 })).rejects.toMatchObject({ code: "NetworkError" });
  await invokeOperation(client, setSecret, { SecretName: PASSWORD, value: PASSWORD, ttl: 60 });
  const signatures = server.requests.map((r) => /Signature=([0-9a-f]+)/.exec(r.headers.authorization ?? "")?.[1] ?? "");
  expect(signatures.every((s) => s.length === 64)).toBe(true);
  return { lines, signatures };
}

describe("log lines never hold a secret", () => {
  it.each(LOG_LEVELS)("at %s", async (level) => {
    const { lines, signatures } = await scenario(level);
    expect(lines.length).toBeGreaterThan(0);
    const secrets = [TEST_ACCESS_KEY_SECRET, TEST_SECURITY_TOKEN, TEST_ACCESS_KEY_ID, PASSWORD, USER_DATA, ...signatures].flatMap(forms);
    for (const line of lines) for (const secret of secrets) expect(line, `a log line holds ${JSON.stringify(secret)}:\n${line}`).not.toContain(secret);
  });

  it("while still showing what a reader needs: names, the masked key id, safe values, status and codes", async () => {
    const { lines } = await scenario("debug");
    const request = lines.find((l) => l.includes("debug request") && l.includes("CreateInstance"))!;
    expect(request).toContain("?Password=<redacted>&Amount=2&ClientToken=<redacted> ");
    expect(request).toContain("Credential=****0000,SignedHeaders=");
    expect(request).toContain('"x-acs-session":"<redacted>"');
    expect(request).toContain("body=UserData=<redacted>");
    const roa = lines.find((l) => l.includes("debug request") && l.includes("SetSecret"))!;
    expect(roa).toContain("PUT http://127.0.0.1:");
    expect(roa).toContain('/secrets/{SecretName} headers=');
    expect(roa).toContain('body={"value":"<redacted>","ttl":60}');
    const response = lines.find((l) => l.includes("debug response") && l.includes("status=400"))!;
    expect(response).toContain('"Code":"InvalidParameter"');
    expect(response).toContain('"AccessKeySecret":"<redacted>"');
    expect(response).toContain('"set-cookie":"<redacted>"');
    expect(lines.some((l) => l.startsWith("acs-modular error call failed") && l.includes("code=NetworkError"))).toBe(true);
  });
});
