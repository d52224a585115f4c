import { describe, expect, it } from "vitest";
import type { TransportOptions } from "../types.js";
import { type ProxiedTransportOptions, proxyFor, resolveProxySettings } from "./proxySettings.js";
import { credentialProxySettings, withProxy } from "./withProxy.js";

const OPTIONS: TransportOptions = { connectTimeoutMs: 1, readTimeoutMs: 1, maxResponseBytes: 1 };

describe("withProxy", () => {
  it("hands the settings to the next transport with every request", async () => {
    const settings = resolveProxySettings("http://p:1", {})!;
    let seen: ProxiedTransportOptions | undefined;
    await withProxy(async (_r, options) => {
      seen = options;
      return { status: 200, headers: {}, body: "" };
    }, settings)({ method: "GET", protocol: "https:", host: "h", path: "/", headers: {} }, OPTIONS);
    expect(seen).toEqual({ ...OPTIONS, proxy: settings });
  });
});

describe("credentialProxySettings", () => {
  it("reaches the ECS metadata service directly, everything else as the client does", () => {
    const settings = credentialProxySettings(resolveProxySettings("http://p:1", {})!);
    expect(proxyFor(settings, "http:", "100.100.100.200")).toBeUndefined();
    expect(proxyFor(settings, "https:", "sts.aliyuncs.com")?.label).toBe("http://p:1");
    const custom = credentialProxySettings(resolveProxySettings("http://p:1", {})!, "http://127.0.0.1:8080/");
    expect(proxyFor(custom, "http:", "127.0.0.1:8080")).toBeUndefined();
    expect(proxyFor(custom, "http:", "100.100.100.200")).toBeDefined();
  });
});
