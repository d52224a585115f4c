import { describe, expect, it } from "vitest";
import { eventLine } from "./eventLine.js";

const names = { product: "Demo", action: "DescribeThings", host: "demo.cn-hangzhou.aliyuncs.com" };

describe("eventLine", () => {
  it("logs a successful attempt at info with status, request id and duration", () => {
    expect(eventLine({ type: "attempt-end", ...names, attempt: 1, durationMs: 12, httpStatus: 200, requestId: "rid-1" })).toEqual({
      level: "info",
      line: "acs-modular info attempt product=Demo action=DescribeThings host=demo.cn-hangzhou.aliyuncs.com attempt=1 status=200 requestId=rid-1 durationMs=12",
    });
  });

  it("logs a failed attempt at warn with its code and the delay before the next", () => {
    expect(eventLine({ type: "attempt-end", ...names, attempt: 1, durationMs: 5, httpStatus: 503, errorCode: "ServiceUnavailable", requestId: "rid-a", retryInMs: 80 })).toEqual({
      level: "warn",
      line: "acs-modular warn attempt product=Demo action=DescribeThings host=demo.cn-hangzhou.aliyuncs.com attempt=1 status=503 code=ServiceUnavailable requestId=rid-a durationMs=5 retryInMs=80",
    });
  });

  it("logs a failed call at error and a finished one at debug", () => {
    const end = { type: "request-end", product: "Demo", action: "DescribeThings", attempts: 3, durationMs: 40 } as const;
    expect(eventLine({ ...end, ok: false, errorCode: "Throttling.User", requestId: "rid-c" })).toEqual({
      level: "error",
      line: "acs-modular error call failed product=Demo action=DescribeThings attempts=3 code=Throttling.User requestId=rid-c durationMs=40",
    });
    expect(eventLine({ ...end, ok: true })?.level).toBe("debug");
  });

  it("leaves start events to the end lines", () => {
    expect(eventLine({ type: "request-start", ...names })).toBeUndefined();
    expect(eventLine({ type: "attempt-start", ...names, attempt: 1 })).toBeUndefined();
  });

  it("logs the credential events: source and refreshes at info, a failed refresh at warn", () => {
    expect(eventLine({ type: "credentials-source-selected", source: "ecs ram role", skipped: ["env: ALIBABA_CLOUD_ACCESS_KEY_ID not set", "cli profile: no config file"] })).toEqual({
      level: "info",
      line: 'acs-modular info credentials source selected source="ecs ram role" skipped="env: ALIBABA_CLOUD_ACCESS_KEY_ID not set; cli profile: no config file"',
    });
    expect(eventLine({ type: "credentials-refreshed", source: "env", background: false })?.line).toBe("acs-modular info credentials refreshed source=env background=false");
    expect(eventLine({ type: "credentials-refresh-failed", source: "ecs ram role", reason: "HTTP 500", expiration: "2030-01-01T00:00:00.000Z", retryInMs: 1000 })).toEqual({
      level: "warn",
      line: 'acs-modular warn credentials refresh failed source="ecs ram role" reason="HTTP 500" expiration=2030-01-01T00:00:00.000Z retryInMs=1000',
    });
  });
});
