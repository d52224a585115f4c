import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bytesReply, jsonReply, startCaptureServer, type CaptureServer } from "./captureServer.js";

let server: CaptureServer;
beforeAll(async () => {
  server = await startCaptureServer();
});
afterAll(async () => {
  await server?.close();
});

/** Sends raw bytes with Node's client; resolves to the status and body. */
function send(path: string, headers: Record<string, string>, body?: Buffer): Promise<{ status: number; body: Buffer }> {
  const [host, port] = server.host.split(":");
  return new Promise((resolve, reject) => {
    const req = request({ host, port: Number(port), path, method: "POST", headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("capture server", () => {
  it("records target, raw path and query, headers and body bytes, and answers with the reply registered for the nonce", async () => {
    server.expect("k1", jsonReply("rid-1"));
    const body = Buffer.from([0, 0xff, 0x41]);
    const res = await send("/a%2Fb/it's?x=%20y&x=z", { "x-acs-signature-nonce": "k1", "X-Mixed": "v" }, body);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString())).toEqual({ RequestId: "rid-1" });
    const [got, ...rest] = server.take("k1");
    expect(rest).toEqual([]);
    expect(got).toMatchObject({ method: "POST", target: "/a%2Fb/it's?x=%20y&x=z", rawPath: "/a%2Fb/it's", rawQuery: "x=%20y&x=z" });
    expect(got!.headers["x-mixed"]).toBe("v");
    expect(got!.rawHeaders).toContainEqual(["X-Mixed", "v"]);
    expect(got!.body.equals(body)).toBe(true);
    expect(server.take("k1")).toEqual([]);
  });

  it("keeps concurrent calls apart by their key, and answers bytes for octet-stream operations", async () => {
    const keys = Array.from({ length: 12 }, (_, i) => `c${i}`);
    for (const k of keys) server.expect(k, k === "c3" ? bytesReply(k, Buffer.from("raw")) : jsonReply(k));
    const replies = await Promise.all(keys.map((k) => send(`/${k}`, { "x-acs-signature-nonce": k })));
    expect(replies[3]!.body.toString()).toBe("raw");
    for (const k of keys) expect(server.take(k).map((r) => r.rawPath)).toEqual([`/${k}`]);
  });

  it("answers 400 to a request with no registered key and keeps it aside", async () => {
    const before = server.unkeyed.length;
    expect((await send("/", { "x-acs-signature-nonce": "nobody" })).status).toBe(400);
    expect(server.unkeyed.length).toBe(before + 1);
  });

  it("accepts a request head far larger than Node's default 16 KiB", async () => {
    server.expect("big", jsonReply("big"));
    const long = "v".repeat(100_000);
    expect((await send(`/?q=${long}`, { "x-acs-signature-nonce": "big" })).status).toBe(200);
    expect(server.take("big")[0]!.rawQuery).toHaveLength(100_002);
  });
});
