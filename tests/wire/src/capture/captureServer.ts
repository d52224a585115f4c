// One HTTP server on 127.0.0.1 for a whole suite. It records every request raw (method, target as sent, raw
// path and query, headers, body bytes) and answers with the reply registered for the request's key. The key is
// the request's `x-acs-signature-nonce`: every call of the suite pins its own nonce, so concurrent calls never
// mix their requests and no header is added to what the clients send.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** A request exactly as it arrived. Header names are lower case. */
export interface CapturedRequest {
  readonly method: string;
  /** The request target as sent (`/path?query`), undecoded. */
  readonly target: string;
  /** The path part of the target, undecoded. */
  readonly rawPath: string;
  /** The query part of the target (without `?`), undecoded; `""` when there is none. */
  readonly rawQuery: string;
  /** Header values by lower-case name (repeated headers joined with `, `). */
  readonly headers: Readonly<Record<string, string>>;
  /** Header names and values in the order sent. */
  readonly rawHeaders: readonly (readonly [string, string])[];
  readonly body: Buffer;
}

/** What the server answers to one request. */
export interface CannedReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

/** The JSON reply of an RPC or ROA operation. */
export function jsonReply(requestId: string): CannedReply {
  return { status: 200, headers: { "content-type": "application/json;charset=utf-8", "x-acs-request-id": requestId }, body: Buffer.from(JSON.stringify({ RequestId: requestId })) };
}

/** The reply of an operation that answers with raw bytes (FC InvokeFunction). */
export function bytesReply(requestId: string, bytes: Buffer = Buffer.from("wire-test-response")): CannedReply {
  return { status: 200, headers: { "content-type": "application/octet-stream", "x-fc-request-id": requestId, "x-acs-request-id": requestId }, body: bytes };
}

/** The header that keys a request to its call. */
export const KEY_HEADER = "x-acs-signature-nonce";

export interface CaptureServer {
  /** `127.0.0.1:<port>`. */
  readonly host: string;
  /** Registers the reply for requests keyed `key` (before the call that sends them). */
  expect(key: string, reply: CannedReply): void;
  /** The requests received for `key`, in arrival order, and forgets the key. */
  take(key: string): CapturedRequest[];
  /** Requests that carried no registered key (should stay empty). */
  readonly unkeyed: readonly CapturedRequest[];
  close(): Promise<void>;
}

function capture(req: IncomingMessage, body: Buffer): CapturedRequest {
  const target = req.url ?? "/";
  const q = target.indexOf("?");
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(", ") : v;
  const rawHeaders: [string, string][] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) rawHeaders.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
  return {
    method: req.method ?? "",
    target,
    rawPath: q < 0 ? target : target.slice(0, q),
    rawQuery: q < 0 ? "" : target.slice(q + 1),
    headers,
    rawHeaders,
    body,
  };
}

/** Starts the capture server on a random port of 127.0.0.1. */
export async function startCaptureServer(): Promise<CaptureServer> {
  const replies = new Map<string, CannedReply>();
  const received = new Map<string, CapturedRequest[]>();
  const unkeyed: CapturedRequest[] = [];
  const sockets = new Set<Socket>();
  // Inputs with every parameter filled make long query strings (ECS: hundreds of percent-encoded values):
  // a head of up to 1 MiB is accepted, so size never decides what is compared.
  // Idle keep-alive connections stay open for the whole suite (closed by close()): with Node's default of 5 s,
  // a client that paused longer (loading an SDK on a busy machine) could reuse a socket the server was
  // closing at that moment and get ECONNRESET.
  const server = createServer({ maxHeaderSize: 1024 * 1024, keepAliveTimeout: 30 * 60_000 }, (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const request = capture(req, Buffer.concat(chunks));
      const key = request.headers[KEY_HEADER];
      const reply = key !== undefined ? replies.get(key) : undefined;
      if (key === undefined || reply === undefined) {
        unkeyed.push(request);
        res.writeHead(400, { "content-type": "application/json" });
        res.end(JSON.stringify({ Code: "WireTest.UnknownKey", Message: "no reply registered for this nonce", RequestId: "unkeyed" }));
        return;
      }
      const list = received.get(key) ?? [];
      list.push(request);
      received.set(key, list);
      res.writeHead(reply.status, { ...reply.headers, "content-length": String(reply.body.length) });
      res.end(reply.body);
    });
  });
  server.on("connection", (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    expect: (key, reply) => {
      replies.set(key, reply);
    },
    take: (key) => {
      const list = received.get(key) ?? [];
      received.delete(key);
      replies.delete(key);
      return list;
    },
    unkeyed,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
