import { drip, onHttpRequests, rawResponseHead, startRawServer } from "@acs-modular/testing";
import { describe, expect, it } from "vitest";
import { AbortError } from "../../errors/AbortError.js";
import { MalformedResponseError } from "../../errors/MalformedResponseError.js";
import { NetworkError } from "../../errors/NetworkError.js";
import { TimeoutError } from "../../errors/TimeoutError.js";
import type { Transport } from "../../transport/types.js";
import { parseServiceUrl, safeUrl, sendCredentialRequest } from "./sendCredentialRequest.js";

const request = { method: "GET", protocol: "http:", host: "127.0.0.1:1", path: "/x" } as const;
const timeouts = { connectTimeoutMs: 10, readTimeoutMs: 10 };
const failing = (error: unknown): Transport => () => Promise.reject(error);

describe("sendCredentialRequest", () => {
  it("returns status, headers and body, decoding a byte body", async () => {
    const transport: Transport = async () => ({ status: 200, headers: { a: "b" }, body: new TextEncoder().encode("héllo") });
    await expect(sendCredentialRequest(request, timeouts, transport)).resolves.toEqual({ kind: "response", status: 200, headers: { a: "b" }, body: "héllo" });
  });

  it("passes method, host, path, headers, body and timeouts to the transport", async () => {
    let seen: unknown;
    const transport: Transport = async (req, options) => {
      seen = { req, options };
      return { status: 204, headers: {}, body: "" };
    };
    await sendCredentialRequest({ ...request, headers: { h: "1" }, body: "b=1" }, timeouts, transport);
    expect(seen).toEqual({
      req: { ...request, headers: { h: "1" }, body: "b=1" },
      options: { ...timeouts, attemptTimeoutMs: 20, maxResponseBytes: 1024 * 1024, signal: expect.any(AbortSignal) },
    });
  });

  it("bounds each attempt as a whole: a service that trickles its answer, never idle, is cut at connect + read timeout", async () => {
    // One byte every 5 ms: the read timer (an idle timer) never fires; only the per-attempt bound ends it.
    const server = await startRawServer((socket) => onHttpRequests(socket, () => drip(socket, rawResponseHead(200, { "content-length": "2", "x-pad": "p".repeat(30_000) }))));
    try {
      const slow = { ...request, host: server.host };
      // Generous idle timers, so that only a loop stalled for a second could make the read timer speak first.
      await expect(sendCredentialRequest(slow, { connectTimeoutMs: 1_000, readTimeoutMs: 1_000 })).resolves.toEqual({ kind: "unreachable", reason: "did not answer within 2000 ms (attempt)" });
    } finally {
      await server.close();
    }
  });

  it("sends once more when the connection died under the request (a stale keep-alive socket), and only once", async () => {
    let calls = 0;
    const flaky: Transport = async () => {
      if (++calls === 1) throw new NetworkError("x", "ECONNRESET");
      return { status: 200, headers: {}, body: "ok" };
    };
    await expect(sendCredentialRequest(request, timeouts, flaky)).resolves.toMatchObject({ kind: "response", body: "ok" });
    expect(calls).toBe(2);
    let dead = 0;
    const alwaysReset: Transport = async () => {
      dead++;
      throw new NetworkError("x", "EPIPE");
    };
    await expect(sendCredentialRequest(request, timeouts, alwaysReset)).resolves.toEqual({ kind: "unreachable", reason: "is unreachable (EPIPE)" });
    expect(dead).toBe(2);
  });

  it("does not repeat other failures", async () => {
    let calls = 0;
    const refused: Transport = async () => {
      calls++;
      throw new NetworkError("x", "ECONNREFUSED");
    };
    await sendCredentialRequest(request, timeouts, refused);
    expect(calls).toBe(1);
  });

  it("turns transport failures into short 'unreachable' reasons, never throwing", async () => {
    const cases: [unknown, string][] = [
      [new NetworkError("x", "ECONNREFUSED"), "is unreachable (ECONNREFUSED)"],
      [new TimeoutError("connect", 10), "did not answer within 10 ms (connect)"],
      [new MalformedResponseError("too-large", 200, undefined), "sent an unreadable response (too-large)"],
      [new AbortError(), "did not finish within 40 ms"],
      [new RangeError("secret inside"), "request failed (RangeError)"],
    ];
    for (const [error, reason] of cases) {
      await expect(sendCredentialRequest(request, timeouts, failing(error))).resolves.toEqual({ kind: "unreachable", reason });
    }
  });
});

describe("service URLs", () => {
  it("splits http(s) URLs and refuses others, and URLs with credentials in them", () => {
    expect(parseServiceUrl("https://h:8443/p?q=1")).toEqual({ protocol: "https:", host: "h:8443", path: "/p?q=1" });
    expect(parseServiceUrl("ftp://h/")).toBeUndefined();
    expect(parseServiceUrl("http://user:pw@h/")).toBeUndefined();
    expect(parseServiceUrl("not a url")).toBeUndefined();
  });

  it("prints a URL without its query string", () => {
    expect(safeUrl("http://h/creds?token=SECRET")).toBe("http://h/creds");
    expect(safeUrl("::")).toBe("(invalid URL)");
  });
});
