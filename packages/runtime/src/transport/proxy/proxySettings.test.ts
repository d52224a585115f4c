import { describe, expect, it } from "vitest";
import { proxyFor, resolveProxySettings } from "./proxySettings.js";

describe("resolveProxySettings", () => {
  it("is undefined without option and variables, or with proxy: false whatever the environment", () => {
    expect(resolveProxySettings(undefined, {})).toBeUndefined();
    expect(resolveProxySettings(false, { HTTPS_PROXY: "http://p:1" })).toBeUndefined();
    expect(resolveProxySettings(undefined, { HTTPS_PROXY: " " })).toBeUndefined();
  });

  it("sends everything through the option's proxy, NO_PROXY not consulted", () => {
    const settings = resolveProxySettings("http://p:3128", { NO_PROXY: "*", HTTP_PROXY: "http://other:1" })!;
    expect(proxyFor(settings, "https:", "nas.cn-hangzhou.aliyuncs.com")?.label).toBe("http://p:3128");
    expect(proxyFor(settings, "http:", "127.0.0.1:9")?.label).toBe("http://p:3128");
    expect(resolveProxySettings(new URL("http://p:1"), {})?.https?.port).toBe(1);
  });

  it("reads the proxy per scheme from the environment, lower case first", () => {
    const settings = resolveProxySettings(undefined, { https_proxy: "http://lower:1", HTTPS_PROXY: "http://upper:2", HTTP_PROXY: "http://plain:3" })!;
    expect(proxyFor(settings, "https:", "ecs.aliyuncs.com")?.label).toBe("http://lower:1");
    expect(proxyFor(settings, "http:", "ecs.aliyuncs.com")?.label).toBe("http://plain:3");
    expect(proxyFor(resolveProxySettings(undefined, { HTTP_PROXY: "http://plain:3" }), "https:", "ecs.aliyuncs.com")).toBeUndefined();
  });

  it("lets NO_PROXY entries bypass the proxy, with the scheme's default port", () => {
    const settings = resolveProxySettings(undefined, { HTTPS_PROXY: "http://p:1", HTTP_PROXY: "http://p:1", no_proxy: ".internal,127.0.0.1:443,100.100.100.200" });
    expect(proxyFor(settings, "https:", "api.internal")).toBeUndefined();
    expect(proxyFor(settings, "https:", "127.0.0.1")).toBeUndefined();
    expect(proxyFor(settings, "https:", "127.0.0.1:8443")).toBeDefined();
    expect(proxyFor(settings, "http:", "100.100.100.200")).toBeUndefined();
    expect(proxyFor(settings, "https:", "nas.cn-hangzhou.aliyuncs.com")).toBeDefined();
  });

  it("refuses what is not a proxy URL, naming the variable", () => {
    expect(() => resolveProxySettings(undefined, { HTTPS_PROXY: "socks5://p:1" })).toThrow(/^HTTPS_PROXY must be an http:\/\/ proxy URL/);
    expect(() => resolveProxySettings(42 as never, {})).toThrow(new TypeError("proxy must be a URL string, a URL or false, got a value of type number"));
  });
});
