import { createServer, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

// A TCP server on 127.0.0.1 that hands each connection's raw socket to the test. For what an HTTP server
// cannot be made to do: never finish a TLS handshake, frame a body wrongly on purpose, or count how many
// connections a client opened (keep-alive).

/** A running raw server; `close()` it in `afterEach`/`afterAll`. */
export interface RawServer {
  /** `127.0.0.1:<port>`. */
  readonly host: string;
  /** Connections accepted so far. */
  readonly connections: number;
  close(): Promise<void>;
}

/** Called once per accepted connection, with its index (0-based, in accept order). */
export type RawConnectionHandler = (socket: Socket, index: number) => void;

/** Starts a TCP server on 127.0.0.1 (random port) that gives every connection to `onConnection`. */
export async function startRawServer(onConnection: RawConnectionHandler): Promise<RawServer> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    // A client that gives up resets the connection; that is expected here, not a test failure.
    socket.on("error", () => undefined);
    onConnection(socket, connections++);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A request head as {@link onHttpRequests} parsed it. Header names are lower case. */
export interface RawRequestHead {
  readonly method: string;
  readonly target: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Parses the HTTP/1.1 requests that arrive on `socket` (heads plus `content-length` bodies, enough for what
 * the runtime sends) and calls `onRequest` once per complete request, so a test can answer with exact bytes.
 */
export function onHttpRequests(socket: Socket, onRequest: (head: RawRequestHead, body: string, index: number) => void): void {
  let buffer = Buffer.alloc(0);
  let index = 0;
  socket.on("data", (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const end = buffer.indexOf("\r\n\r\n");
      if (end < 0) return;
      const lines = buffer.subarray(0, end).toString("latin1").split("\r\n");
      const [method = "", target = ""] = (lines[0] ?? "").split(" ");
      const headers: Record<string, string> = {};
      for (const line of lines.slice(1)) {
        const colon = line.indexOf(":");
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      const length = Number(headers["content-length"] ?? 0);
      if (buffer.length < end + 4 + length) return;
      const body = buffer.subarray(end + 4, end + 4 + length).toString("utf8");
      buffer = buffer.subarray(end + 4 + length);
      onRequest({ method, target, headers }, body, index++);
    }
  });
}

/** Formats an HTTP/1.1 response head; the caller writes the body (or not) itself. */
export function rawResponseHead(status: number, headers: Readonly<Record<string, string>> = {}): string {
  return `HTTP/1.1 ${status} X\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join("")}\r\n`;
}
