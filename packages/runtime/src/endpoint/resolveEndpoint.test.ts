import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/ValidationError.js";
import type { EndpointRules } from "../operation.js";
import { resolveEndpoint } from "./resolveEndpoint.js";

const RULES: EndpointRules = {
  pattern: "nas.{regionId}.aliyuncs.com",
  vpcPattern: "nas-vpc.{regionId}.aliyuncs.com",
  regions: { "cn-hangzhou-finance": "nas.aliyuncs.com" },
};

describe("resolveEndpoint", () => {
  it("fills the product's pattern with the region, over HTTPS by default", () => {
    expect(resolveEndpoint("A", RULES, { region: "cn-hangzhou" })).toEqual({ protocol: "https:", host: "nas.cn-hangzhou.aliyuncs.com" });
    expect(resolveEndpoint("A", RULES, { region: "ap-southeast-1" }).host).toBe("nas.ap-southeast-1.aliyuncs.com");
  });

  it("uses a per-region exception over the pattern", () => {
    expect(resolveEndpoint("A", RULES, { region: "cn-hangzhou-finance" }).host).toBe("nas.aliyuncs.com");
  });

  it("never takes an exception from Object.prototype", () => {
    // `constructor` is the one Object.prototype member a valid (lower-case) region id can name.
    expect(resolveEndpoint("A", RULES, { region: "constructor" }).host).toBe("nas.constructor.aliyuncs.com");
    expect(resolveEndpoint("A", { pattern: "x.{regionId}.com" }, { region: "constructor" }).host).toBe("x.constructor.com");
  });

  it("uses the VPC pattern when asked, and refuses it when the product has none", () => {
    expect(resolveEndpoint("A", RULES, { region: "cn-beijing", endpointType: "vpc" }).host).toBe("nas-vpc.cn-beijing.aliyuncs.com");
    expect(() => resolveEndpoint("A", { pattern: "x.{regionId}.com" }, { region: "cn-beijing", endpointType: "vpc" })).toThrow(
      expect.objectContaining({ field: "endpointType" }),
    );
  });

  it("uses plain HTTP only when asked", () => {
    expect(resolveEndpoint("A", RULES, { region: "cn-hangzhou", protocol: "http" }).protocol).toBe("http:");
  });

  it.each([
    ["host", "example.internal", { protocol: "https:", host: "example.internal" }],
    ["host:port", "127.0.0.1:8080", { protocol: "https:", host: "127.0.0.1:8080" }],
    ["http URL", "http://127.0.0.1:8080", { protocol: "http:", host: "127.0.0.1:8080" }],
    ["https URL with a trailing slash", "https://nas.example.com/", { protocol: "https:", host: "nas.example.com" }],
    ["IPv6 with port", "[::1]:9000", { protocol: "https:", host: "[::1]:9000" }],
  ])("takes a custom endpoint given as %s over the region", (_, endpoint, expected) => {
    expect(resolveEndpoint("A", RULES, { region: "cn-hangzhou", endpoint })).toEqual(expected);
  });

  it.each([
    ["a path", "example.com/evil"],
    ["a query", "example.com?x=1"],
    ["user info", "user:pass@example.com"],
    ["another scheme", "ftp://example.com"],
    ["garbage", "http://"],
  ])("rejects a custom endpoint with %s", (_, endpoint) => {
    expect(() => resolveEndpoint("A", RULES, { region: "cn-hangzhou", endpoint })).toThrow(ValidationError);
  });

  it.each([
    ["a host suffix and slash", "cn-hangzhou.evil.com/"],
    ["user info", "a@b"],
    ["upper case", "CN-HANGZHOU"],
    ["the empty string", ""],
    ["a dot", "cn.hangzhou"],
    ["a colon (port)", "cn-hangzhou:444"],
    ["a space", "cn hangzhou"],
    ["a slash", "cn-hangzhou/x"],
    ["a hash", "cn-hangzhou#"],
    ["non-ASCII", "cn-hàngzhou"],
  ])("rejects a region with %s", (_, region) => {
    const error = (() => {
      try {
        resolveEndpoint("DescribeThings", RULES, { region });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: "region" });
    expect((error as Error).message).toMatch(/^DescribeThings: region must match/);
  });
});
