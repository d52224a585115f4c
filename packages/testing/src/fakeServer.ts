import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { TlsMaterial } from "./testTls.js";

/** A request as the fake server received it. Header names are lower case. */
export interface ReceivedRequest {
  readonly method: string;
  /** Path without query string. */
  readonly pathname: string;
  /** Raw query string as sent (without `?`). */
  readonly rawQuery: string;
  /** Decoded query parameters in the order sent. */
  readonly query: readonly (readonly [string, string])[];
  readonly headers: Readonly<Record<string, string>>;
  /** The body decoded as UTF-8. */
  readonly body: string;
  /** The body's bytes as received (binary bodies do not survive UTF-8 decoding). */
  readonly bodyBytes?: Uint8Array;
}

/** What the fake server answers; `destroy` cuts the connection, `hang` never answers. */
export type FakeReply =
  | { readonly status: number; readonly headers?: Record<string, string>; readonly body: string }
  | { readonly destroy: true; readonly status?: number; readonly partialBody?: string }
  | { readonly hang: true };

export type FakeHandler = (request: ReceivedRequest, index: number) => FakeReply | Promise<FakeReply>;

/** How a fake server listens. */
export interface FakeServerOptions {
  /** Serve HTTPS with this key and certificate (e.g. `TEST_TLS`) instead of plain HTTP. */
  readonly tls?: TlsMaterial;
}

export interface FakeServer {
  /** `127.0.0.1:<port>`, to pass as a client's `endpoint` with `protocol: "http"` (`"https"` when started with `tls`). */
  readonly host: string;
  readonly requests: ReceivedRequest[];
  close(): Promise<void>;
}

function parseQuery(raw: string): [string, string][] {
  if (!raw) return [];
  return raw.split("&").map((pair) => {
    const i = pair.indexOf("=");
    const k = i < 0 ? pair : pair.slice(0, i);
    const v = i < 0 ? "" : pair.slice(i + 1);
    return [decodeURIComponent(k.replace(/\+/g, "%20")), decodeURIComponent(v.replace(/\+/g, "%20"))];
  });
}

/** JSON reply helper. */
export function jsonReply(status: number, body: unknown, headers: Record<string, string> = {}): FakeReply {
  return { status, headers: { "content-type": "application/json;charset=utf-8", ...headers }, body: JSON.stringify(body) };
}

/** An Alibaba Cloud error body, as the gateways send it. */
export function errorReply(status: number, code: string, message: string, requestId: string): FakeReply {
  return jsonReply(status, { RequestId: requestId, HostId: "nas.cn-hangzhou.aliyuncs.com", Code: code, Message: message, Recommend: `https://api.aliyun.com/troubleshoot?q=${code}` });
}

/** Starts an HTTP server on 127.0.0.1 (random port) that records every request and answers with `handler`. */
export async function startFakeServer(handler: FakeHandler, options: FakeServerOptions = {}): Promise<FakeServer> {
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<import("node:net").Socket>();
  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = req.url ?? "/";
      const q = url.indexOf("?");
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(",") : v;
      const received: ReceivedRequest = {
        method: req.method ?? "",
        pathname: q < 0 ? url : url.slice(0, q),
        rawQuery: q < 0 ? "" : url.slice(q + 1),
        query: parseQuery(q < 0 ? "" : url.slice(q + 1)),
        headers,
        body: Buffer.concat(chunks).toString("utf8"),
        bodyBytes: Buffer.concat(chunks),
      };
      const index = requests.push(received) - 1;
      void Promise.resolve(handler(received, index)).then((reply) => {
        if ("hang" in reply) return;
        if ("destroy" in reply) {
          if (reply.partialBody !== undefined) {
            res.writeHead(reply.status ?? 200, { "content-type": "application/json", "content-length": String(reply.partialBody.length + 100) });
            res.write(reply.partialBody);
            setTimeout(() => res.socket?.destroy(), 10);
          } else {
            req.socket.destroy();
          }
          return;
        }
        res.writeHead(reply.status, reply.headers ?? {});
        res.end(reply.body);
      });
    });
  };
  const server = options.tls ? createTlsServer({ key: options.tls.key, cert: options.tls.cert }, listener) : createServer(listener);
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
