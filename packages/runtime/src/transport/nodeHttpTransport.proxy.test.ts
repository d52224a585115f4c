// The Node transport through a real proxy on 127.0.0.1 (packages/testing's startProxyServer): HTTPS targets
// through a CONNECT tunnel with TLS to the target inside it, HTTP targets with absolute-URI requests.
import { jsonReply, startFakeServer, startProxyServer, TEST_TLS, type FakeServer, type ProxyServer, type ProxyServerOptions } from "@acs-modular/testing";
import { afterEach, describe, expect, it } from "vitest";
import { AbortError } from "../errors/AbortError.js";
import { MalformedResponseError } from "../errors/MalformedResponseError.js";
import { NetworkError } from "../errors/NetworkError.js";
import { TimeoutError } from "../errors/TimeoutError.js";
import { type NodeTransportOptions, nodeHttpTransport } from "./nodeHttpTransport.js";
import { ProxyError } from "./proxy/ProxyError.js";
import { resolveProxySettings } from "./proxy/proxySettings.js";
import type { HttpRequest } from "./types.js";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function tlsServer(): Promise<FakeServer> {
  const server = await startFakeServer(() => jsonReply(200, { RequestId: "r-tls" }, { "x-acs-request-id": "r-tls" }), { tls: TEST_TLS });
  closers.push(() => server.close());
  return server;
}

async function proxy(options?: ProxyServerOptions): Promise<ProxyServer> {
  const server = await startProxyServer(options);
  closers.push(() => server.close());
  return server;
}

const portOf = (host: string): number => Number(host.split(":")[1]);

function get(host: string, protocol: "http:" | "https:" = "https:"): HttpRequest {
  return { method: "GET", protocol, host, path: "/?Action=X", headers: { accept: "application/json", host } };
}

/** Options sending through `proxyUrl` (or as `env` says), trusting the test certificate for this request only. */
function via(proxyUrl: string | undefined, env: Record<string, string> = {}, trustTestCertificate = true): NodeTransportOptions {
  const options = { connectTimeoutMs: 2_000, readTimeoutMs: 2_000, maxResponseBytes: 1024, proxy: resolveProxySettings(proxyUrl, env) };
  return trustTestCertificate ? { ...options, ca: TEST_TLS.cert } : options;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
}

describe("nodeHttpTransport through a proxy: HTTPS", () => {
  it("opens a CONNECT tunnel to the target and runs TLS to the target through it", async () => {
    const server = await tlsServer();
    const p = await proxy();
    const res = await nodeHttpTransport(get(server.host), via(p.url));
    expect(res.status).toBe(200);
    expect(res.headers["x-acs-request-id"]).toBe("r-tls");
    expect(p.connects.map((c) => c.authority)).toEqual([server.host]);
    expect(p.connects[0]!.headers.host).toBe(server.host);
    expect(p.requests).toEqual([]); // nothing in clear text
    expect(server.requests.map((r) => r.pathname)).toEqual(["/"]);
  });

  it("asks the proxy for the target's name, which the client never resolves, and checks the certificate against it", async () => {
    const server = await tlsServer();
    const p = await proxy({ route: () => portOf(server.host) });
    const res = await nodeHttpTransport(get("nas.cn-hangzhou.aliyuncs.com"), via(p.url));
    expect(res.status).toBe(200);
    expect(p.connects.map((c) => c.authority)).toEqual(["nas.cn-hangzhou.aliyuncs.com:443"]);
    expect(server.requests[0]!.headers.host).toBe("nas.cn-hangzhou.aliyuncs.com");
  });

  it("verifies the target's certificate through the tunnel: an untrusted one fails", async () => {
    const server = await tlsServer();
    const p = await proxy();
    const error = await failure(nodeHttpTransport(get(server.host), via(p.url, {}, false)));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).not.toBeInstanceOf(ProxyError);
    expect(p.connects).toHaveLength(1);
    expect(server.requests).toHaveLength(0);
  });

  it("pools tunnels per target: sequential requests share one CONNECT", async () => {
    const server = await tlsServer();
    const p = await proxy();
    const options = via(p.url);
    for (let i = 0; i < 3; i++) expect((await nodeHttpTransport(get(server.host), options)).status).toBe(200);
    expect(p.connects).toHaveLength(1);
    expect(server.requests).toHaveLength(3);
  });

  it("sends the URL's credentials as Proxy-Authorization, and keeps them out of errors", async () => {
    const server = await tlsServer();
    const expected = `Basic ${Buffer.from("alice:s3cr@t").toString("base64")}`;
    const p = await proxy({ requireAuthorization: expected });
    const ok = await nodeHttpTransport(get(server.host), via(p.url.replace("http://", "http://alice:s3cr%40t@")));
    expect(ok.status).toBe(200);
    expect(p.connects[0]!.headers["proxy-authorization"]).toBe(expected);

    const error = await failure(nodeHttpTransport(get(server.host), via(p.url.replace("http://", "http://alice:wrong-pass@"))));
    expect(error).toBeInstanceOf(ProxyError);
    expect(error).toMatchObject({ proxyStatus: 407, retryable: false, neverSent: true, proxy: p.url });
    expect((error as Error).message).toBe(`proxy ${p.url} refused CONNECT ${server.host} with HTTP 407`);
    expect(JSON.stringify(error) + String((error as Error).stack)).not.toMatch(/alice|wrong-pass/);
  });

  it("fails with a retryable ProxyError when the proxy cannot reach the target (502); the target never saw it", async () => {
    const server = await tlsServer();
    const p = await proxy({ refuseConnect: 502 });
    const error = await failure(nodeHttpTransport(get(server.host), via(p.url)));
    expect(error).toBeInstanceOf(ProxyError);
    expect(error).toMatchObject({ proxyStatus: 502, retryable: true, neverSent: true });
    expect(server.requests).toHaveLength(0);
  });

  it("fails with a ProxyError naming the cause when the proxy is not there", async () => {
    const p = await startProxyServer();
    await p.close();
    const error = await failure(nodeHttpTransport(get("127.0.0.1:9"), via(p.url)));
    expect(error).toBeInstanceOf(ProxyError);
    expect(error).toMatchObject({ syscallCode: "ECONNREFUSED", proxyStatus: undefined, neverSent: true, message: `proxy ${p.url} is unreachable (ECONNREFUSED)` });
  });

  it("bounds the tunnel's set-up by the connect timeout (phase connect) when the proxy never answers CONNECT", async () => {
    const p = await proxy({ hangConnect: true });
    const error = await failure(nodeHttpTransport(get("127.0.0.1:9"), { ...via(p.url), connectTimeoutMs: 150 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ phase: "connect", timeoutMs: 150 });
    expect(p.connects).toHaveLength(1);
  });

  it("stops waiting for the tunnel when the signal fires", async () => {
    const controller = new AbortController();
    // Aborted once the proxy holds the CONNECT, however long it took to get there.
    const abortOnConnect = (): undefined => void controller.abort(new Error("user cancelled"));
    const p = await proxy({ hangConnect: true, route: abortOnConnect });
    const error = await failure(nodeHttpTransport(get("127.0.0.1:9"), { ...via(p.url), signal: controller.signal }));
    expect(error).toBeInstanceOf(AbortError);
  });

  it("keeps the size cap on answers that come through a tunnel", async () => {
    const server = await startFakeServer(() => jsonReply(200, { Big: "x".repeat(4000) }), { tls: TEST_TLS });
    closers.push(() => server.close());
    const p = await proxy();
    const error = await failure(nodeHttpTransport(get(server.host), via(p.url)));
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error).toMatchObject({ reason: "too-large" });
  });
});

describe("nodeHttpTransport through a proxy: plain HTTP", () => {
  it("sends an absolute-URI request to the proxy, with the target's Host", async () => {
    const server = await startFakeServer(() => jsonReply(200, { RequestId: "r-http" }));
    closers.push(() => server.close());
    const p = await proxy();
    const res = await nodeHttpTransport(get(server.host, "http:"), via(undefined, { HTTP_PROXY: p.url }));
    expect(JSON.parse(res.body as string)).toEqual({ RequestId: "r-http" });
    expect(p.requests.map((r) => [r.method, r.url, r.headers.host])).toEqual([["GET", `http://${server.host}/?Action=X`, server.host]]);
    expect(p.connects).toEqual([]);
  });

  it("turns the proxy's 407 into a ProxyError", async () => {
    const p = await proxy({ requireAuthorization: "Basic nope" });
    const error = await failure(nodeHttpTransport(get("127.0.0.1:9", "http:"), via(p.url)));
    expect(error).toBeInstanceOf(ProxyError);
    expect(error).toMatchObject({ proxyStatus: 407, retryable: false });
  });
});

describe("nodeHttpTransport and NO_PROXY", () => {
  it("sends a request whose target NO_PROXY lists directly, and others through the proxy", async () => {
    const server = await tlsServer();
    const p = await proxy({ route: () => portOf(server.host) });
    const env = { HTTPS_PROXY: p.url, NO_PROXY: "localhost,127.0.0.1" };
    expect((await nodeHttpTransport(get(server.host), via(undefined, env))).status).toBe(200);
    expect(p.connects).toEqual([]);
    expect(server.requests).toHaveLength(1);
    expect((await nodeHttpTransport(get("ecs.cn-hangzhou.aliyuncs.com"), via(undefined, env))).status).toBe(200);
    expect(p.connects.map((c) => c.authority)).toEqual(["ecs.cn-hangzhou.aliyuncs.com:443"]);
  });
});
