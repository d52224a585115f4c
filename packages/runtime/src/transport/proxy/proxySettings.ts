import { type Env, readEnv } from "../../credentials/envVar.js";
import type { TransportOptions } from "../types.js";
import { splitHost } from "./hostPort.js";
import { bypassesProxy, type NoProxyRule, parseNoProxy } from "./noProxy.js";
import { parseProxyUrl, type ProxyEndpoint } from "./parseProxyUrl.js";

/** The `proxy` option of a client: a proxy URL for every request, or `false` for none (environment ignored). */
export type ProxyOption = string | URL | false;

/** Which proxy a client's requests go through, settled once per client from its option or the environment. */
export interface ProxySettings {
  /** For `http://` targets. */
  readonly http?: ProxyEndpoint | undefined;
  /** For `https://` targets, reached through a `CONNECT` tunnel. */
  readonly https?: ProxyEndpoint | undefined;
  /** Targets that bypass the proxy (`NO_PROXY`). */
  readonly noProxy: readonly NoProxyRule[];
}

/**
 * Transport options with the client's proxy settings: the Node transport honours `proxy`; a transport that
 * does not know it sends directly.
 */
export interface ProxiedTransportOptions extends TransportOptions {
  readonly proxy?: ProxySettings | undefined;
}

/** The first of `names` set to a non-empty value, with its name (lower-case names come first, as curl reads them). */
function envValue(env: Env, names: readonly string[]): [name: string, value: string] | undefined {
  for (const name of names) {
    const value = readEnv(env, name);
    if (value) return [name, value];
  }
  return undefined;
}

/**
 * A client's proxy settings. `option` (a URL) sends every request through that proxy, `NO_PROXY` not consulted;
 * `false` sends every request directly. Without the option, the environment decides: `https_proxy` /
 * `HTTPS_PROXY` for https targets, `http_proxy` / `HTTP_PROXY` for http ones, `no_proxy` / `NO_PROXY` for
 * exceptions (see noProxy.ts). `undefined` when no proxy applies. An unusable URL is a TypeError naming the
 * option or variable (never its value, which may hold a password).
 */
export function resolveProxySettings(option: ProxyOption | undefined, env: Env): ProxySettings | undefined {
  if (option === false) return undefined;
  if (option !== undefined) {
    if (typeof option !== "string" && !(option instanceof URL)) throw new TypeError(`proxy must be a URL string, a URL or false, got a value of type ${typeof option}`);
    const proxy = parseProxyUrl(option, "proxy");
    return { http: proxy, https: proxy, noProxy: [] };
  }
  const https = envValue(env, ["https_proxy", "HTTPS_PROXY"]);
  const http = envValue(env, ["http_proxy", "HTTP_PROXY"]);
  if (!https && !http) return undefined;
  return {
    https: https && parseProxyUrl(https[1], https[0]),
    http: http && parseProxyUrl(http[1], http[0]),
    noProxy: parseNoProxy(envValue(env, ["no_proxy", "NO_PROXY"])?.[1]),
  };
}

/** The proxy a request to `host` (`name[:port]`) over `protocol` goes through, or `undefined` for a direct one. */
export function proxyFor(settings: ProxySettings | undefined, protocol: "http:" | "https:", host: string): ProxyEndpoint | undefined {
  const proxy = protocol === "https:" ? settings?.https : settings?.http;
  if (!settings || !proxy) return undefined;
  const [hostname, port] = splitHost(host);
  return bypassesProxy(settings.noProxy, hostname, port ?? (protocol === "https:" ? 443 : 80)) ? undefined : proxy;
}
