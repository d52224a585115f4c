import type * as http from "node:http";
import type * as https from "node:https";
import type { Duplex } from "node:stream";
import type * as tls from "node:tls";
import { AbortError } from "../../errors/AbortError.js";
import { TimeoutError } from "../../errors/TimeoutError.js";
import { authority } from "./hostPort.js";
import type { ProxyEndpoint } from "./parseProxyUrl.js";
import { ProxyError } from "./ProxyError.js";

/** The Node modules a tunnel needs, loaded by the transport on first use. */
export interface TunnelModules {
  readonly http: typeof http;
  readonly https: typeof https;
  readonly tls: typeof tls;
}

/** What the transport adds to a request's options for the tunnel that carries it. */
export interface TunnelRequestOptions {
  /** Bounds the tunnel's set-up, CONNECT and TLS handshake together, as the connect timeout bounds a direct connection. */
  readonly acsConnectTimeoutMs?: number | undefined;
  readonly acsSignal?: AbortSignal | undefined;
}

type ConnectionOptions = tls.ConnectionOptions & TunnelRequestOptions;
type Callback = (error: Error | null, socket?: Duplex) => void;

/**
 * An HTTPS agent whose connections are tunnels through `proxy`: each new connection sends
 * `CONNECT host:port` to the proxy, then runs TLS to the target inside it, so the proxy sees only the
 * target's name and encrypted bytes. The agent is a normal keep-alive agent otherwise: its sockets are
 * pooled per target, so later requests to the same host reuse the tunnel. A connection is handed to the
 * request only once the TLS handshake is done; the whole set-up is bounded by the request's connect
 * timeout (`TimeoutError` of phase `connect`). A refused CONNECT is a {@link ProxyError}.
 */
export function createTunnelAgent(modules: TunnelModules, proxy: ProxyEndpoint, options: https.AgentOptions): https.Agent {
  const agent = new modules.https.Agent(options);
  // Node's Agent accepts a connection handed to the callback later; that is how a tunnel is set up first.
  (agent as unknown as { createConnection: (o: ConnectionOptions, cb: Callback) => undefined }).createConnection = (o, cb) => {
    openTunnel(modules, proxy, o, cb);
    return undefined;
  };
  return agent;
}

function openTunnel(modules: TunnelModules, proxy: ProxyEndpoint, options: ConnectionOptions, callback: Callback): void {
  const target = authority(options.host ?? "localhost", Number(options.port ?? 443));
  const signal = options.acsSignal;
  const timeoutMs = options.acsConnectTimeoutMs;
  let done = false;
  let timer: NodeJS.Timeout | undefined;
  // The tunnel's sockets, closed when the set-up fails or ends after it was given up on.
  let raw: Duplex | undefined;
  let secure: tls.TLSSocket | undefined;
  const settle = (error: Error | null): void => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
    if (error) {
      connect.destroy();
      secure?.destroy();
      raw?.destroy();
      callback(error);
    } else callback(null, secure);
  };
  const onAbort = (): void => settle(new AbortError(signal?.reason));
  const headers: Record<string, string> = { host: target };
  if (proxy.authorization) headers["proxy-authorization"] = proxy.authorization;
  const connect = modules.http.request({ host: proxy.hostname, port: proxy.port, method: "CONNECT", path: target, headers, agent: false });
  if (timeoutMs !== undefined) timer = setTimeout(() => settle(new TimeoutError("connect", timeoutMs)), timeoutMs);

  connect.once("connect", (response: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    raw = socket;
    if (done) return socket.destroy();
    if (response.statusCode !== 200) {
      settle(new ProxyError(`proxy ${proxy.label} refused CONNECT ${target} with HTTP ${response.statusCode}`, proxy.label, response.statusCode));
      return;
    }
    if (head.length > 0) socket.unshift(head);
    const tlsSocket = modules.tls.connect({ ...options, socket });
    secure = tlsSocket;
    const onError = (error: Error): void => settle(error);
    tlsSocket.once("error", onError);
    tlsSocket.once("secureConnect", () => {
      tlsSocket.removeListener("error", onError);
      settle(null);
    });
  });
  connect.once("error", (error: NodeJS.ErrnoException) => {
    settle(new ProxyError(`proxy ${proxy.label} is unreachable (${error.code ?? error.name})`, proxy.label, undefined, error.code));
  });
  if (signal?.aborted) return onAbort();
  signal?.addEventListener("abort", onAbort, { once: true });
  connect.end();
}
