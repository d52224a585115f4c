import { describe, expect, it } from "vitest";
import { parseProxyUrl } from "./parseProxyUrl.js";

describe("parseProxyUrl", () => {
  it("reads host and port, defaulting to http:// and port 80", () => {
    expect(parseProxyUrl("http://proxy.corp:3128", "proxy")).toEqual({ hostname: "proxy.corp", port: 3128, label: "http://proxy.corp:3128" });
    expect(parseProxyUrl("proxy.corp:8080", "HTTPS_PROXY")).toEqual({ hostname: "proxy.corp", port: 8080, label: "http://proxy.corp:8080" });
    expect(parseProxyUrl(new URL("http://10.0.0.1"), "proxy")).toEqual({ hostname: "10.0.0.1", port: 80, label: "http://10.0.0.1" });
    expect(parseProxyUrl("http://[::1]:8080/", "proxy")).toMatchObject({ hostname: "::1", port: 8080, label: "http://[::1]:8080" });
  });

  it("turns user and password into a Basic Proxy-Authorization, percent-decoded, and keeps them out of the label", () => {
    const proxy = parseProxyUrl("http://al%40ice:p%3Ass@proxy:8080", "proxy");
    expect(proxy.authorization).toBe(`Basic ${Buffer.from("al@ice:p:ss").toString("base64")}`);
    expect(proxy.label).toBe("http://proxy:8080");
    expect(parseProxyUrl("http://user@proxy:8080", "proxy").authorization).toBe(`Basic ${Buffer.from("user:").toString("base64")}`);
  });

  it("refuses other schemes and unparsable values, naming the source but never the value", () => {
    expect(() => parseProxyUrl("https://proxy:443", "HTTPS_PROXY")).toThrow(new TypeError("HTTPS_PROXY must be an http:// proxy URL, got https:// (https and socks proxies are not supported)"));
    expect(() => parseProxyUrl("socks5://proxy:1080", "proxy")).toThrow(TypeError);
    const error = (() => {
      try {
        parseProxyUrl("http://user:s3cret@[bad", "HTTP_PROXY");
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toBe("HTTP_PROXY is not a valid proxy URL");
  });
});
