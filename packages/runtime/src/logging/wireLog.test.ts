import { describe, expect, it } from "vitest";
import type { OperationDescriptor } from "../operation.js";
import { createClientLogger } from "./clientLogger.js";
import { wireLog } from "./wireLog.js";

const op: OperationDescriptor = {
  product: "Demo",
  version: "2020-01-01",
  action: "AttachThing",
  style: "ROA",
  method: "POST",
  pathname: "/things/{ThingId}/attach",
  access: "write",
  body: { encoding: "json" },
  endpoints: { pattern: "demo.{regionId}.aliyuncs.com" },
  parameters: [
    { name: "ThingId", in: "path", schema: { type: "string" } },
    { name: "count", in: "body", schema: { type: "integer" } },
    { name: "note", in: "body", schema: { type: "string" } },
  ],
};

const credentials = { accessKeyId: "LTAI5tWIRELOGKEY1234", accessKeySecret: "wire-secret", securityToken: "wire-token-value" };
const input = { ThingId: "thing-7", count: 2, note: "my pin is 0000" };

function logged(level: "debug" | "info") {
  const lines: string[] = [];
  const logger = createClientLogger({ logger: { debug: (l) => lines.push(l), info: (l) => lines.push(l) }, logLevel: level, env: {} });
  return { lines, wire: wireLog(logger, op, input) };
}

describe("wireLog", () => {
  it("is off below debug", () => {
    expect(logged("info").wire).toBeUndefined();
  });

  it("prints the path template, JSON body keys with safe values, and scrubs echoes of credentials and input", () => {
    const { lines, wire } = logged("debug");
    const signature = "ab".repeat(32);
    const headers = { authorization: `ACS3-HMAC-SHA256 Credential=${credentials.accessKeyId},SignedHeaders=host,Signature=${signature}`, "x-acs-security-token": credentials.securityToken };
    wire!.request({ method: "POST", protocol: "https:", host: "demo.cn-hangzhou.aliyuncs.com", path: "/things/thing-7/attach", headers, body: JSON.stringify({ count: 2, note: input.note }) }, 1, credentials, "http://proxy:3128");
    wire!.response({ status: 400, headers: { "x-echo": credentials.securityToken }, body: JSON.stringify({ RequestId: "R", Code: "Bad", Message: `thing-7 with ${credentials.accessKeySecret} / ${signature}` }) }, 1, 12);
    expect(lines[0]).toBe(
      "acs-modular debug request product=Demo action=AttachThing attempt=1 via=http://proxy:3128 POST https://demo.cn-hangzhou.aliyuncs.com/things/{ThingId}/attach " +
        'headers={"authorization":"ACS3-HMAC-SHA256 Credential=****1234,SignedHeaders=host,Signature=<redacted>","x-acs-security-token":"<redacted>"} body={"count":2,"note":"<redacted>"}',
    );
    expect(lines[1]).toBe('acs-modular debug response product=Demo action=AttachThing attempt=1 status=400 durationMs=12 headers={"x-echo":"<redacted>"} body={"RequestId":"R","Code":"Bad","Message":"<redacted> with <redacted> / <redacted>"}');
  });

  it("summarises bodies it cannot show: binary, not JSON, and long ones", () => {
    const { lines, wire } = logged("debug");
    wire!.request({ method: "POST", protocol: "https:", host: "h", path: "/", headers: {}, body: new Uint8Array(5) }, 1, undefined);
    wire!.response({ status: 502, headers: {}, body: "<html>bad gateway</html>" }, 1, 1);
    wire!.response({ status: 200, headers: {}, body: JSON.stringify({ Items: Array.from({ length: 2000 }, (_, i) => ({ [`k${i}`]: i })).reduce((a, b) => ({ ...a, ...b }), {}) }) }, 2, 1);
    expect(lines[0]).toMatch(/ body=<5 bytes>$/);
    expect(lines[1]).toMatch(/ body=<24 bytes, not JSON>$/);
    expect(lines[2]).toMatch(/…\(\d+ more chars\)$/);
  });
});
