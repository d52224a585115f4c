import { describe, expect, it } from "vitest";
import { canonicalHeaders, isSignedHeader } from "./canonicalHeaders.js";

describe("isSignedHeader", () => {
  it.each([
    ["host", true],
    ["content-type", true],
    ["x-acs-date", true],
    ["x-acs-security-token", true],
    ["authorization", false],
    ["user-agent", false],
    ["accept", false],
    ["content-length", false],
    ["x-acs", false],
  ])("%s → %s", (name, signed) => {
    expect(isSignedHeader(name)).toBe(signed);
  });
});

describe("canonicalHeaders", () => {
  it("keeps only signed headers, sorted, one `name:value` line each, and lists their names", () => {
    const { block, signed } = canonicalHeaders({
      "x-acs-version": "2017-06-26",
      accept: "application/json",
      host: "nas.cn-hangzhou.aliyuncs.com",
      "x-acs-action": "DescribeDataFlows",
      "user-agent": "test",
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(block).toBe(
      "content-type:application/x-www-form-urlencoded\nhost:nas.cn-hangzhou.aliyuncs.com\nx-acs-action:DescribeDataFlows\nx-acs-version:2017-06-26\n",
    );
    expect(signed).toBe("content-type;host;x-acs-action;x-acs-version");
  });

  it("trims values", () => {
    expect(canonicalHeaders({ "x-acs-a": "  v w \t" }).block).toBe("x-acs-a:v w\n");
  });

  it("is empty when nothing is signed", () => {
    expect(canonicalHeaders({ accept: "*/*" })).toEqual({ block: "", signed: "" });
  });
});
