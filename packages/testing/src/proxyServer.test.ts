import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { jsonReply, startFakeServer } from "./fakeServer.js";
import { startProxyServer } from "./proxyServer.js";

/** Sends `CONNECT authority` to the proxy and resolves with the status it answered. */
function connectThrough(proxyUrl: string, authority: string, headers: Record<string, string> = {}): Promise<number> {
  const { hostname, port } = new URL(proxyUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, method: "CONNECT", path: authority, headers: { host: authority, ...headers } });
    req.on("connect", (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("startProxyServer", () => {
  it("records CONNECTs and tunnels local targets, refusing others with 502 (it never connects elsewhere)", async () => {
    const target = await startFakeServer(() => jsonReply(200, {}));
    const proxy = await startProxyServer();
    try {
      expect(await connectThrough(proxy.url, target.host)).toBe(200);
      expect(await connectThrough(proxy.url, "example.com:443")).toBe(502);
      expect(proxy.connects.map((c) => c.authority)).toEqual([target.host, "example.com:443"]);
    } finally {
      await Promise.all([proxy.close(), target.close()]);
    }
  });

  it("answers 407 without the required Proxy-Authorization, and refuses every CONNECT when told to", async () => {
    const target = await startFakeServer(() => jsonReply(200, {}));
    const strict = await startProxyServer({ requireAuthorization: "Basic abc" });
    const refusing = await startProxyServer({ refuseConnect: 502 });
    try {
      expect(await connectThrough(strict.url, target.host)).toBe(407);
      expect(await connectThrough(strict.url, target.host, { "proxy-authorization": "Basic abc" })).toBe(200);
      expect(await connectThrough(refusing.url, target.host)).toBe(502);
    } finally {
      await Promise.all([strict.close(), refusing.close(), target.close()]);
    }
  });

  it("forwards absolute-URI requests to the target and records them", async () => {
    const target = await startFakeServer(() => jsonReply(200, { ok: true }));
    const proxy = await startProxyServer();
    try {
      const { hostname, port } = new URL(proxy.url);
      const body = await new Promise<string>((resolve, reject) => {
        const req = request({ host: hostname, port, method: "GET", path: `http://${target.host}/x?y=1`, headers: { host: target.host } }, (res) => {
          let text = "";
          res.on("data", (c: Buffer) => (text += c.toString()));
          res.on("end", () => resolve(text));
        });
        req.on("error", reject);
        req.end();
      });
      expect(JSON.parse(body)).toEqual({ ok: true });
      expect(proxy.requests.map((r) => r.url)).toEqual([`http://${target.host}/x?y=1`]);
      expect(target.requests.map((r) => `${r.pathname}?${r.rawQuery}`)).toEqual(["/x?y=1"]);
    } finally {
      await Promise.all([proxy.close(), target.close()]);
    }
  });
});
