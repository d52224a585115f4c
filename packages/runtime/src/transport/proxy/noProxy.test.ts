import { describe, expect, it } from "vitest";
import { bypassesProxy, ipBits, parseNoProxy } from "./noProxy.js";

const bypass = (noProxy: string, host: string, port = 443): boolean => bypassesProxy(parseNoProxy(noProxy), host, port);

describe("NO_PROXY", () => {
  it("`*` bypasses the proxy for every host; an empty list for none", () => {
    expect(bypass("*", "nas.cn-hangzhou.aliyuncs.com")).toBe(true);
    expect(bypass("", "nas.cn-hangzhou.aliyuncs.com")).toBe(false);
  });

  it("a name matches itself and its subdomains, not names that merely end the same", () => {
    expect(bypass("aliyuncs.com", "aliyuncs.com")).toBe(true);
    expect(bypass("aliyuncs.com", "nas.cn-hangzhou.aliyuncs.com")).toBe(true);
    expect(bypass("aliyuncs.com", "notaliyuncs.com")).toBe(false);
    expect(bypass("ALIYUNCS.com.", "Nas.AliyunCS.com")).toBe(true);
  });

  it("a leading dot or *. matches subdomains only", () => {
    expect(bypass(".aliyuncs.com", "nas.aliyuncs.com")).toBe(true);
    expect(bypass(".aliyuncs.com", "aliyuncs.com")).toBe(false);
    expect(bypass("*.aliyuncs.com", "ecs.aliyuncs.com")).toBe(true);
  });

  it("an entry with a port matches that port only", () => {
    expect(bypass("internal.corp:8443", "internal.corp", 8443)).toBe(true);
    expect(bypass("internal.corp:8443", "internal.corp", 443)).toBe(false);
    expect(bypass("127.0.0.1:8080", "127.0.0.1", 8080)).toBe(true);
    expect(bypass("[::1]:8080", "::1", 8080)).toBe(true);
    expect(bypass("[::1]:8080", "::1", 80)).toBe(false);
  });

  it("matches IP addresses and CIDR blocks, v4 and v6, without resolving names", () => {
    expect(bypass("100.100.100.200", "100.100.100.200", 80)).toBe(true);
    expect(bypass("10.0.0.0/8", "10.20.30.40")).toBe(true);
    expect(bypass("10.0.0.0/8", "11.0.0.1")).toBe(false);
    expect(bypass("::1", "0:0:0:0:0:0:0:1")).toBe(true);
    expect(bypass("fd00::/8", "fd12:3456::1")).toBe(true);
    expect(bypass("fd00::/8", "fe80::1")).toBe(false);
    expect(bypass("10.0.0.0/8", "ten.example")).toBe(false);
    expect(bypass("127.0.0.1", "localhost")).toBe(false);
  });

  it("splits on commas and spaces and skips what it cannot read", () => {
    expect(parseNoProxy(" a.com, ,b.com  10.0.0.0/99 1.2.3.999/8 ")).toEqual([
      { kind: "name", name: "a.com", subdomainsOnly: false, port: undefined },
      { kind: "name", name: "b.com", subdomainsOnly: false, port: undefined },
    ]);
  });

  it("reads IPv4 and IPv6 addresses into bits", () => {
    expect(ipBits("255.0.0.1")?.slice(0, 9)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 0]);
    expect(ipBits("::ffff")).toHaveLength(128);
    expect(ipBits("256.0.0.1")).toBeUndefined();
    expect(ipBits("example.com")).toBeUndefined();
  });
});
