import type * as http from "node:http";
import { AbortError } from "../errors/AbortError.js";
import { AcsError } from "../errors/AcsError.js";
import { MalformedResponseError } from "../errors/MalformedResponseError.js";
import { NetworkError } from "../errors/NetworkError.js";
import { TimeoutError } from "../errors/TimeoutError.js";
import { copyRecord } from "../platform/copyRecord.js";
import { processShared } from "../platform/processShared.js";
import { splitHost } from "./proxy/hostPort.js";
import type { ProxyEndpoint } from "./proxy/parseProxyUrl.js";
import { loadProxiedClient, proxiedClient } from "./proxy/proxiedClient.js";
import { ProxyError } from "./proxy/ProxyError.js";
import { type ProxiedTransportOptions, proxyFor } from "./proxy/proxySettings.js";
import type { TunnelRequestOptions } from "./proxy/tunnelAgent.js";
import { requestFailure, requestIdOf } from "./requestFailure.js";
import type { HttpRequest, HttpResponse, Transport } from "./types.js";

// node:http rather than fetch: it exposes separate connect and idle timeouts, a byte cap while reading,
// and costs less CPU per call; keep-alive agents reuse connections across calls.
interface HttpClient {
  readonly request: typeof http.request;
  readonly agent: http.Agent;
  /** The proxy requests go through, if any; `tunnel` for https targets (see proxy/proxiedClient.ts). */
  readonly via?: ProxyEndpoint;
  readonly tunnel?: boolean;
}

/**
 * What the Node transport reads beyond {@link TransportOptions}: the client's proxy settings, and extra CA
 * certificates to trust for TLS (tests use it to trust a local test certificate without touching the
 * process's trust store).
 * @internal
 */
export interface NodeTransportOptions extends ProxiedTransportOptions {
  readonly ca?: string | readonly string[] | undefined;
}

// One pool per process: the ESM and CJS builds, when both are loaded, share the keep-alive agents.
const clients = /* @__PURE__ */ processShared<{ "http:"?: HttpClient; "https:"?: HttpClient }>("node-http-clients/1", () => ({}));

/**
 * Loads node:http or node:https on the first request that needs it, not at import: the TLS stack is most of
 * what importing the SDK would otherwise cost (cold start), and a process that never calls pays nothing.
 */
async function loadClient(protocol: "http:" | "https:"): Promise<HttpClient> {
  const mod = protocol === "https:" ? await import("node:https") : await import("node:http");
  return (clients[protocol] ??= { request: mod.request, agent: new mod.Agent({ keepAlive: true, maxSockets: 64 }) });
}

function lowerHeaders(raw: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k in raw) {
    const v = raw[k];
    if (v !== undefined) out[k] = typeof v === "string" ? v : v.join(", ");
  }
  return out;
}

/** The options `http.request` gets: a target (or proxy), the TLS CA for tests, a tunnel's bounds. */
type AddressedRequest = http.RequestOptions & { ca?: string | string[] } & { -readonly [K in keyof TunnelRequestOptions]: TunnelRequestOptions[K] };

/** `host` split once per distinct value: every call to an endpoint has the same. */
const hostParts = new Map<string, [hostname: string, port: number | undefined]>();
function splitHostCached(host: string): [hostname: string, port: number | undefined] {
  let parts = hostParts.get(host);
  if (parts === undefined) {
    parts = splitHost(host);
    if (hostParts.size < 256) hostParts.set(host, parts);
  }
  return parts;
}

/**
 * The default transport: Node's http/https with keep-alive, timeouts, a size cap and abort support. Honours
 * the client's proxy (`ClientConfig.proxy`, `HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY`): https targets through a
 * `CONNECT` tunnel (TLS end to end, tunnels pooled per target), http targets with absolute-URI requests.
 */
export const nodeHttpTransport: Transport = (request: HttpRequest, options: NodeTransportOptions): Promise<HttpResponse> => {
  const proxy = proxyFor(options.proxy, request.protocol, request.host);
  if (proxy) {
    const client = proxiedClient(request.protocol, proxy);
    return client ? send(client, request, options) : loadProxiedClient(request.protocol, proxy).then((c) => send(c, request, options));
  }
  const client = clients[request.protocol];
  return client ? send(client, request, options) : loadClient(request.protocol).then((c) => send(c, request, options));
};

/** Where a request is addressed: the target, or the proxy for plain HTTP through one (absolute URI, `Host` the target's). */
function address(client: HttpClient, request: HttpRequest, options: NodeTransportOptions): AddressedRequest {
  const isHttps = request.protocol === "https:";
  const headers = copyRecord(request.headers);
  if (request.body !== undefined) headers["content-length"] = String(Buffer.byteLength(request.body));
  // Built field by field: object spreads in this per-request path showed in profiles.
  const out: AddressedRequest = { method: request.method, agent: client.agent, headers };
  if (isHttps && options.ca !== undefined) out.ca = options.ca as string | string[];
  const via = client.via;
  if (via && !client.tunnel) {
    if (via.authorization) headers["proxy-authorization"] = via.authorization;
    headers.host = request.host;
    out.hostname = via.hostname;
    out.port = via.port;
    out.path = `http://${request.host}${request.path}`;
    return out;
  }
  const [hostname, port] = splitHostCached(request.host);
  out.hostname = hostname;
  out.port = port ?? (isHttps ? 443 : 80);
  out.path = request.path;
  if (via) {
    out.acsConnectTimeoutMs = options.connectTimeoutMs;
    out.acsSignal = options.signal;
  }
  return out;
}

function send(client: HttpClient, request: HttpRequest, options: NodeTransportOptions): Promise<HttpResponse> {
  return new Promise<HttpResponse>((resolve, reject) => {
    const { signal } = options;
    if (signal?.aborted) {
      reject(new AbortError(signal.reason));
      return;
    }
    const isHttps = request.protocol === "https:";
    let settled = false;
    let connectTimer: NodeJS.Timeout | undefined;
    let attemptTimer: NodeJS.Timeout | undefined;
    let response: http.IncomingMessage | undefined;
    const finish = (err: Error | undefined, res?: HttpResponse): void => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      clearTimeout(attemptTimer);
      signal?.removeEventListener("abort", onAbort);
      if (err) {
        req.destroy();
        reject(err);
      } else resolve(res!);
    };
    const onAbort = (): void => finish(new AbortError(signal?.reason));
    // Socket and response events run outside any caller's try: whatever throws in them settles the call
    // with that error instead of escaping as an uncaught exception (and leaving the call pending forever).
    const guarded =
      <A extends unknown[]>(handler: (...args: A) => void) =>
      (...args: A): void => {
        try {
          handler(...args);
        } catch (error) {
          finish(error instanceof Error ? error : new Error(String(error)));
        }
      };

    const req = client.request(address(client, request, options));
    signal?.addEventListener("abort", onAbort, { once: true });
    // The whole attempt, connect to last byte: the read timer below is an idle timer, which a server that
    // trickles its answer a byte at a time never trips.
    const attemptTimeoutMs = options.attemptTimeoutMs;
    if (attemptTimeoutMs !== undefined) attemptTimer = setTimeout(() => finish(new TimeoutError("attempt", attemptTimeoutMs)), attemptTimeoutMs);

    // The read timer starts once the connection is up (TLS included), so each phase is timed by its own clock
    // and a TimeoutError names the phase that stalled: "connect" means the request was never written.
    const startReadTimer = (): void => {
      // Idle timeout: no byte for readTimeoutMs between request sent and response complete.
      req.setTimeout(options.readTimeoutMs, () => finish(new TimeoutError("read", options.readTimeoutMs)));
    };
    req.on(
      "socket",
      guarded((socket) => {
        // A reused keep-alive socket is already connected; only new ones get the connect timer.
        if (!(socket as { connecting?: boolean }).connecting) {
          startReadTimer();
          return;
        }
        connectTimer = setTimeout(() => finish(new TimeoutError("connect", options.connectTimeoutMs)), options.connectTimeoutMs);
        socket.once(
          isHttps ? "secureConnect" : "connect",
          guarded(() => {
            clearTimeout(connectTimer);
            startReadTimer();
          }),
        );
      }),
    );
    // Our own errors (a tunnel that timed out or was refused) are final; Node's are classified.
    req.on("error", (err: NodeJS.ErrnoException) => finish(err instanceof AcsError ? err : requestFailure(err, response)));
    req.on(
      "response",
      guarded((res: http.IncomingMessage) => {
        response = res;
        const chunks: Buffer[] = [];
        let size = 0;
        const declared = Number(res.headers["content-length"] ?? NaN);
        const status = res.statusCode ?? 0;
        const requestId = requestIdOf(res);
        if (status === 407 && client.via && !client.tunnel) {
          finish(new ProxyError(`proxy ${client.via.label} refused the request with HTTP 407`, client.via.label, 407));
          return;
        }
        if (declared > options.maxResponseBytes) {
          finish(new MalformedResponseError("too-large", status, requestId, `content-length ${declared} exceeds ${options.maxResponseBytes}`));
          return;
        }
        const cut = (): void => finish(new MalformedResponseError("truncated", status, requestId, "connection closed mid-body"));
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxResponseBytes) {
            finish(new MalformedResponseError("too-large", status, requestId, `body exceeds ${options.maxResponseBytes} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        res.on("aborted", cut);
        res.on("error", cut);
        res.on(
          "end",
          guarded(() => {
            if (!res.complete) {
              cut();
              return;
            }
            const bytes = Buffer.concat(chunks);
            finish(undefined, { status, headers: lowerHeaders(res.headers), body: options.responseBody === "bytes" ? bytes : bytes.toString("utf8") });
          }),
        );
      }),
    );
    req.end(request.body);
  });
}
