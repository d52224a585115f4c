import { createServer, request as httpRequest, STATUS_CODES, type IncomingMessage, type ServerResponse } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";

/** A `CONNECT` the proxy received: the target it asked for and its headers (lower-case names). */
export interface ProxiedConnect {
  /** `host:port`, as the client sent it. */
  readonly authority: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** A plain-HTTP request the proxy received: its absolute URI and headers. */
export interface ProxiedRequest {
  readonly method: string;
  /** The request target as sent, `http://host:port/path?query` for a client that uses the proxy right. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface ProxyServerOptions {
  /**
   * The port on 127.0.0.1 a target (`host:port`) is carried to; `undefined` answers 502. Default: the target's
   * own port when the target is 127.0.0.1 or localhost, else 502. The proxy never connects anywhere but 127.0.0.1.
   */
  readonly route?: (authority: string) => number | undefined;
  /** Answer every CONNECT with this status (407, 502, ...) instead of opening the tunnel. */
  readonly refuseConnect?: number;
  /** Require this exact `Proxy-Authorization`; other requests get 407. */
  readonly requireAuthorization?: string;
  /** Accept CONNECTs and never answer them (a proxy that hangs); `route` is still called, after the CONNECT is recorded. */
  readonly hangConnect?: boolean;
}

/** A forwarding proxy on 127.0.0.1 that records what it is asked for. */
export interface ProxyServer {
  /** `http://127.0.0.1:<port>`, to pass as a client's `proxy`. */
  readonly url: string;
  readonly connects: ProxiedConnect[];
  readonly requests: ProxiedRequest[];
  close(): Promise<void>;
}

function flatHeaders(raw: IncomingMessage["headers"]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(",") : v;
  return out;
}

function localPort(authority: string): number | undefined {
  const m = /^(127\.0\.0\.1|localhost):(\d+)$/.exec(authority);
  return m ? Number(m[2]) : undefined;
}

function statusLine(status: number): string {
  return `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Status"}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n`;
}

/**
 * Starts an HTTP proxy on 127.0.0.1, written with node:http as a real forward proxy works: `CONNECT host:port`
 * opens a TCP tunnel (for HTTPS targets), an absolute-URI request (`GET http://host:port/path`) is forwarded.
 * Every CONNECT and request is recorded before it is answered. Targets are mapped to ports on 127.0.0.1 by
 * `route`, so a test may ask for `nas.cn-hangzhou.aliyuncs.com:443` and reach its fake server.
 */
export async function startProxyServer(options: ProxyServerOptions = {}): Promise<ProxyServer> {
  const connects: ProxiedConnect[] = [];
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();
  const track = (socket: Socket): void => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  };
  const route = options.route ?? localPort;
  const refusal = (req: IncomingMessage): number | undefined =>
    options.requireAuthorization !== undefined && req.headers["proxy-authorization"] !== options.requireAuthorization ? 407 : undefined;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push({ method: req.method ?? "", url: req.url ?? "", headers: flatHeaders(req.headers) });
    const refused = refusal(req);
    let target: URL | undefined;
    try {
      target = new URL(req.url ?? "");
    } catch {
      target = undefined;
    }
    const port = target && route(target.host);
    if (refused !== undefined || !target || port === undefined) {
      res.writeHead(refused ?? (target ? 502 : 400), { "content-length": "0" }).end();
      return;
    }
    const headers = { ...req.headers };
    delete headers["proxy-authorization"];
    delete headers["proxy-connection"];
    const upstream = httpRequest({ host: "127.0.0.1", port, method: req.method, path: `${target.pathname}${target.search}`, headers, agent: false }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  server.on("connection", track);
  server.on("connect", (req: IncomingMessage, client: Socket, head: Buffer) => {
    const authority = req.url ?? "";
    connects.push({ authority, headers: flatHeaders(req.headers) });
    client.on("error", () => client.destroy());
    const port = route(authority);
    if (options.hangConnect) return;
    const refused = options.refuseConnect ?? refusal(req);
    if (refused !== undefined || port === undefined) {
      client.end(statusLine(refused ?? 502));
      return;
    }
    const upstream = connect(port, "127.0.0.1", () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    track(upstream);
    upstream.on("error", () => client.destroy());
    client.on("close", () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connects,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
