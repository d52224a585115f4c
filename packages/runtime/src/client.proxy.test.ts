// A client's proxy, end to end: the `proxy` option and the environment (read once per client), through a real
// proxy on 127.0.0.1 to fake endpoints on 127.0.0.1 (nothing else is ever contacted: the proxy maps every
// target to a local port, and the client hands target names to the proxy without resolving them).
import { jsonReply, startFakeServer, startProxyServer, TEST_ACCESS_KEY_ID, TEST_ACCESS_KEY_SECRET, TEST_TLS } from "@acs-modular/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { describeThings } from "../test/support/operations.js";
import { AcsClient, type ClientConfig } from "./client.js";
import { credentialsJson, startFakeMetadataServer } from "./credentials/test-helpers/fakeEcsMetadataServer.js";
import { makeTempHome } from "./credentials/test-helpers/tempDir.js";
import { invokeOperation } from "./invokeOperation.js";
import { type NodeTransportOptions, nodeHttpTransport } from "./transport/nodeHttpTransport.js";
import { ProxyError } from "./transport/proxy/ProxyError.js";
import type { Transport } from "./transport/types.js";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** The Node transport, trusting the test certificate for these requests only (never the process's store). */
const trustingTestCertificate: Transport = (request, options) => {
  const trusted: NodeTransportOptions = { ...options, ca: TEST_TLS.cert };
  return nodeHttpTransport(request, trusted);
};

const credentials = { accessKeyId: TEST_ACCESS_KEY_ID, accessKeySecret: TEST_ACCESS_KEY_SECRET };

/** A TLS fake endpoint, and a proxy that tunnels every target to it. */
async function endpointBehindProxy(options: { requireAuthorization?: string } = {}) {
  const api = await startFakeServer(() => jsonReply(200, { RequestId: "r-proxied" }), { tls: TEST_TLS });
  closers.push(() => api.close());
  const port = Number(api.host.split(":")[1]);
  const proxy = await startProxyServer({ route: () => port, ...options });
  closers.push(() => proxy.close());
  return { api, proxy };
}

function client(config: Partial<ClientConfig>): AcsClient {
  return new AcsClient({ region: "cn-hangzhou", credentials, transport: trustingTestCertificate, maxAttempts: 1, ...config });
}

describe("AcsClient proxy", () => {
  it("sends a call to its real endpoint through the `proxy` option: CONNECT demo.cn-hangzhou.aliyuncs.com:443, then TLS", async () => {
    const { api, proxy } = await endpointBehindProxy();
    await expect(invokeOperation(client({ proxy: proxy.url }), describeThings, {})).resolves.toEqual({ RequestId: "r-proxied" });
    expect(proxy.connects.map((c) => c.authority)).toEqual(["demo.cn-hangzhou.aliyuncs.com:443"]);
    expect(api.requests.map((r) => [r.method, r.headers.host, r.headers["x-acs-action"]])).toEqual([["POST", "demo.cn-hangzhou.aliyuncs.com", "DescribeThings"]]);
  });

  it("reads HTTPS_PROXY once, when the client is created", async () => {
    const { proxy } = await endpointBehindProxy();
    vi.stubEnv("HTTPS_PROXY", proxy.url);
    const proxied = client({});
    vi.stubEnv("HTTPS_PROXY", "");
    await invokeOperation(proxied, describeThings, {});
    expect(proxy.connects).toHaveLength(1);
  });

  it("lets NO_PROXY send a target directly, and proxy: false ignore the environment", async () => {
    const { api, proxy } = await endpointBehindProxy();
    vi.stubEnv("HTTPS_PROXY", proxy.url);
    vi.stubEnv("NO_PROXY", "127.0.0.1");
    await invokeOperation(client({ endpoint: `https://${api.host}` }), describeThings, {});
    vi.stubEnv("NO_PROXY", "");
    await invokeOperation(client({ endpoint: `https://${api.host}`, proxy: false }), describeThings, {});
    expect(proxy.connects).toEqual([]);
    expect(api.requests).toHaveLength(2);
  });

  it("sends the proxy URL's credentials, and fails with a ProxyError that names the proxy without them, in errors and logs", async () => {
    const { proxy } = await endpointBehindProxy({ requireAuthorization: `Basic ${Buffer.from("ops:pa55").toString("base64")}` });
    const withCredentials = (pass: string) => proxy.url.replace("http://", `http://ops:${pass}@`);
    const lines: string[] = [];
    const logger = { debug: (l: string) => lines.push(l), info: (l: string) => lines.push(l), warn: (l: string) => lines.push(l), error: (l: string) => lines.push(l) };
    await expect(invokeOperation(client({ proxy: withCredentials("pa55"), logger, logLevel: "debug" }), describeThings, {})).resolves.toEqual({ RequestId: "r-proxied" });
    const error = await invokeOperation(client({ proxy: withCredentials("wrong-pa55"), logger, logLevel: "debug" }), describeThings, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProxyError);
    expect(error).toMatchObject({ proxyStatus: 407, proxy: proxy.url });
    expect(String((error as Error).message)).not.toContain("pa55");
    expect(lines.some((l) => l.includes(`via=${proxy.url} `))).toBe(true);
    expect(lines.some((l) => l.includes("code=NetworkError"))).toBe(true);
    for (const line of lines) expect(line).not.toMatch(/pa55|ops:|b3Bz/);
  });

  it("refuses a proxy URL it cannot use before any I/O, naming the variable, never its value", () => {
    vi.stubEnv("HTTPS_PROXY", "socks5://user:secret@proxy:1080");
    expect(() => new AcsClient({ region: "cn-hangzhou", credentials })).toThrow(/^HTTPS_PROXY must be an http:\/\/ proxy URL, got socks5:\/\/ /);
    expect(() => new AcsClient({ region: "cn-hangzhou", credentials, proxy: "http://[" })).toThrow(new TypeError("proxy is not a valid proxy URL"));
  });

  it("routes the default chain's service calls through it too, except the ECS metadata service", async () => {
    const metadata = await startFakeMetadataServer({ roleName: "app-role", credentialsBody: credentialsJson() });
    closers.push(() => metadata.close());
    const home = await makeTempHome();
    closers.push(() => home.remove());
    const api = await startFakeServer(() => jsonReply(200, { RequestId: "r-http" }));
    closers.push(() => api.close());
    const proxy = await startProxyServer();
    closers.push(() => proxy.close());
    const proxied = new AcsClient({
      region: "cn-hangzhou",
      endpoint: api.host,
      protocol: "http",
      proxy: proxy.url,
      credentialChain: { env: {}, homedir: home.path, ecs: { baseUrl: metadata.baseUrl, timeoutMs: 60_000 } },
    });
    await invokeOperation(proxied, describeThings, {});
    expect(metadata.credentialFetches()).toBe(1);
    expect(proxy.requests.map((r) => r.url)).toEqual([`http://${api.host}/`]);
  });
});
