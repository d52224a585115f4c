import { describe, expect, it } from "vitest";
import { AcsError } from "../../errors/AcsError.js";
import { NetworkError } from "../../errors/NetworkError.js";
import { shouldRetry } from "../../retry/retryPolicy.js";
import { ProxyError } from "./ProxyError.js";

describe("ProxyError", () => {
  it("is a NetworkError that never reached the target, so even a write is retried", () => {
    const error = new ProxyError("proxy http://p:1 refused CONNECT h:443 with HTTP 502", "http://p:1", 502);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toBeInstanceOf(AcsError);
    expect(error).toMatchObject({ name: "ProxyError", code: "NetworkError", proxy: "http://p:1", proxyStatus: 502, neverSent: true, retryable: true });
    expect(shouldRetry(error, false)).toBe(true);
  });

  it("is not retried after a 407: the proxy wants other credentials", () => {
    const error = new ProxyError("x", "http://p:1", 407);
    expect(error.retryable).toBe(false);
    expect(shouldRetry(error, true)).toBe(false);
  });
});
