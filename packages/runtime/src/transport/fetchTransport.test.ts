import { drip, jsonReply, onHttpRequests, rawResponseHead } from "@acs-modular/testing";
import { describe, expect, it } from "vitest";
import { AbortError } from "../errors/AbortError.js";
import { MalformedResponseError } from "../errors/MalformedResponseError.js";
import { NetworkError } from "../errors/NetworkError.js";
import { TimeoutError } from "../errors/TimeoutError.js";
import { fetchTransport } from "./fetchTransport.js";
import { failure, transportTestServers } from "./test-helpers/transportTestServers.js";
import type { HttpRequest, TransportOptions } from "./types.js";

// The same contract as nodeHttpTransport.test.ts, run through Node's own fetch (undici) against servers on
// 127.0.0.1. What fetch cannot tell apart (a connect stall from a read stall) is stated where it matters.
const OPTIONS: TransportOptions = { connectTimeoutMs: 2_000, readTimeoutMs: 2_000, maxResponseBytes: 1024 };

function get(host: string): HttpRequest {
  return { method: "GET", protocol: "http:", host, path: "/?Action=X", headers: { accept: "application/json", host } };
}

const { fake, raw } = transportTestServers();

describe("fetchTransport", () => {
  it("sends method, path, headers and body as given, and returns status, lower-case headers and text", async () => {
    const server = await fake(() => jsonReply(200, { RequestId: "r-1" }, { "X-Acs-Request-Id": "r-1" }));
    const request: HttpRequest = { ...get(server.host), method: "POST", headers: { host: server.host, "x-acs-action": "X", "content-type": "application/x-www-form-urlencoded", "content-length": "3" }, body: "a=1" };
    const res = await fetchTransport(request, OPTIONS);
    expect(res.status).toBe(200);
    expect(res.headers["x-acs-request-id"]).toBe("r-1");
    expect(JSON.parse(res.body as string)).toEqual({ RequestId: "r-1" });
    const [sent] = server.requests;
    expect(sent).toMatchObject({ method: "POST", pathname: "/", rawQuery: "Action=X", body: "a=1" });
    // host is the signed value, which fetch derives from the URL; content-length from the body.
    expect(sent!.headers).toMatchObject({ host: server.host, "x-acs-action": "X", "content-length": "3" });
  });

  it("returns bytes when asked (responseBody: bytes), and sends a byte body unchanged", async () => {
    const payload = Uint8Array.from([0, 255, 128, 10]);
    const server = await raw((socket) =>
      onHttpRequests(socket, () => socket.write(Buffer.concat([Buffer.from(rawResponseHead(200, { "content-length": "4" }), "latin1"), Buffer.from(payload)]))),
    );
    const res = await fetchTransport({ ...get(server.host), method: "PUT", body: payload }, { ...OPTIONS, responseBody: "bytes" });
    expect(res.body).toBeInstanceOf(Uint8Array);
    expect([...(res.body as Uint8Array)]).toEqual([0, 255, 128, 10]);
  });

  it("does not follow a redirect: the 3xx is the answer, as with node:http", async () => {
    const server = await fake(() => ({ status: 302, headers: { location: "http://127.0.0.1:1/elsewhere" }, body: "" }));
    const res = await fetchTransport(get(server.host), OPTIONS);
    expect(res.status).toBe(302);
    expect(server.requests).toHaveLength(1);
  });

  it("times the wait for the head as connect + read, and calls it a read timeout (it may have been sent)", async () => {
    const server = await fake(() => ({ hang: true }));
    const error = await failure(fetchTransport(get(server.host), { ...OPTIONS, connectTimeoutMs: 100, readTimeoutMs: 150 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ phase: "read", timeoutMs: 250, retryable: true });
    expect(server.requests).toHaveLength(1);
  });

  it("fires the read timeout when the body stalls halfway (an idle timer between chunks)", async () => {
    const server = await raw((socket) =>
      onHttpRequests(socket, () => socket.write(rawResponseHead(200, { "content-length": "100" }) + '{"RequestId":')),
    );
    const error = await failure(fetchTransport(get(server.host), { ...OPTIONS, readTimeoutMs: 150 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ phase: "read", timeoutMs: 150 });
  });

  it("ends an attempt whose body drips in, though the connection is never idle (attemptTimeoutMs)", async () => {
    const server = await raw((socket) =>
      onHttpRequests(socket, () => {
        socket.write(rawResponseHead(200, { "content-length": "30000" }));
        drip(socket, "x".repeat(30_000));
      }),
    );
    const error = await failure(fetchTransport(get(server.host), { ...OPTIONS, maxResponseBytes: 100_000, attemptTimeoutMs: 300 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ phase: "attempt", timeoutMs: 300 });
  });

  it("rejects with AbortError when the signal fires mid-request", async () => {
    const controller = new AbortController();
    const server = await fake(() => {
      controller.abort(new Error("user cancelled"));
      return { hang: true };
    });
    const error = await failure(fetchTransport(get(server.host), { ...OPTIONS, signal: controller.signal }));
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ retryable: false, cause: new Error("user cancelled") });
  });

  it("rejects at once, sending nothing, when the signal has already fired", async () => {
    const server = await fake(() => jsonReply(200, {}));
    const error = await failure(fetchTransport(get(server.host), { ...OPTIONS, signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(0);
  });

  it("reports a body cut mid-way as truncated, keeping status and request id", async () => {
    const server = await raw((socket) =>
      onHttpRequests(socket, () => {
        socket.write(rawResponseHead(200, { "content-length": "200", "x-acs-request-id": "rid-cut" }) + '{"RequestId":"rid-cut","Da');
        setTimeout(() => socket.destroy(), 20);
      }),
    );
    const error = await failure(fetchTransport(get(server.host), OPTIONS));
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error).toMatchObject({ reason: "truncated", httpStatus: 200, requestId: "rid-cut", retryable: true });
  });

  it("refuses a body whose content-length exceeds maxResponseBytes without reading it", async () => {
    const server = await raw((socket) =>
      onHttpRequests(socket, () => socket.write(rawResponseHead(200, { "content-length": "5000", "x-acs-request-id": "rid-big" }))),
    );
    const error = await failure(fetchTransport(get(server.host), OPTIONS));
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error).toMatchObject({ reason: "too-large", httpStatus: 200, requestId: "rid-big", retryable: false });
    expect((error as Error).message).toContain("content-length 5000");
  });

  it("stops reading a chunked body (no content-length) once it passes maxResponseBytes", async () => {
    let written = 0;
    const server = await raw((socket) =>
      onHttpRequests(socket, () => {
        socket.write(rawResponseHead(200, { "transfer-encoding": "chunked" }));
        const timer = setInterval(() => {
          if (socket.destroyed) return clearInterval(timer);
          socket.write(`200\r\n${"y".repeat(512)}\r\n`);
          written += 512;
        }, 2);
        socket.on("close", () => clearInterval(timer));
      }),
    );
    const error = await failure(fetchTransport(get(server.host), OPTIONS));
    expect(error).toMatchObject({ reason: "too-large", httpStatus: 200 });
    expect((error as Error).message).toContain("body exceeds 1024 bytes");
    expect(written).toBeLessThan(1024 * 64);
  });

  it("reports a refused connection as a NetworkError that was never sent (Node's fetch gives the code)", async () => {
    const server = await raw(() => undefined);
    const host = server.host;
    await server.close();
    const error = await failure(fetchTransport(get(host), OPTIONS));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ syscallCode: "ECONNREFUSED", neverSent: true, retryable: true });
  });

  it("reports a reset before any response as a NetworkError that may have been received", async () => {
    const server = await fake(() => ({ destroy: true }));
    const error = await failure(fetchTransport(get(server.host), OPTIONS));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ neverSent: false });
    expect(server.requests).toHaveLength(1);
  });

  it("leaves no timer behind: a finished request's timers cannot fail a later one", async () => {
    const server = await raw((socket) => onHttpRequests(socket, () => socket.write(rawResponseHead(200, { "content-length": "2" }) + "{}")));
    await fetchTransport(get(server.host), { ...OPTIONS, readTimeoutMs: 300, attemptTimeoutMs: 400 });
    await new Promise((r) => setTimeout(r, 700));
    expect((await fetchTransport(get(server.host), OPTIONS)).body).toBe("{}");
  });
});
