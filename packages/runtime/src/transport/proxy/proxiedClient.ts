import type * as http from "node:http";
import { processShared } from "../../platform/processShared.js";
import type { ProxyEndpoint } from "./parseProxyUrl.js";
import { createTunnelAgent } from "./tunnelAgent.js";

/** How the Node transport sends requests through one proxy for one scheme. */
export interface ProxiedClient {
  readonly request: typeof http.request;
  readonly agent: http.Agent;
  readonly via: ProxyEndpoint;
  /**
   * `true` for https targets: the agent's connections are CONNECT tunnels, requests are addressed to the
   * target. `false` for http targets: requests go to the proxy with an absolute URI.
   */
  readonly tunnel: boolean;
}

/** Same pool size as direct connections: up to 64 per target (tunnels) or per proxy (plain HTTP). */
const AGENT_OPTIONS = { keepAlive: true, maxSockets: 64 } as const;

// Per process, as the direct pools are: one agent per proxy, scheme and proxy credentials.
const clients = /* @__PURE__ */ processShared<Map<string, ProxiedClient>>("node-http-proxied-clients/1", () => new Map());

function keyOf(protocol: "http:" | "https:", proxy: ProxyEndpoint): string {
  return `${protocol} ${proxy.label} ${proxy.authorization ?? ""}`;
}

/** The client for `proxy` and `protocol` if one is loaded already (no await on the hot path). */
export function proxiedClient(protocol: "http:" | "https:", proxy: ProxyEndpoint): ProxiedClient | undefined {
  return clients.get(keyOf(protocol, proxy));
}

/** Loads the Node modules a proxied request needs, on first use, and the client for `proxy` and `protocol`. */
export async function loadProxiedClient(protocol: "http:" | "https:", proxy: ProxyEndpoint): Promise<ProxiedClient> {
  const httpModule = await import("node:http");
  let client: ProxiedClient;
  if (protocol === "https:") {
    const [https, tls] = await Promise.all([import("node:https"), import("node:tls")]);
    client = { request: https.request, agent: createTunnelAgent({ http: httpModule, https, tls }, proxy, AGENT_OPTIONS), via: proxy, tunnel: true };
  } else {
    client = { request: httpModule.request, agent: new httpModule.Agent(AGENT_OPTIONS), via: proxy, tunnel: false };
  }
  const key = keyOf(protocol, proxy);
  const existing = clients.get(key);
  if (existing) {
    client.agent.destroy();
    return existing;
  }
  clients.set(key, client);
  return client;
}
