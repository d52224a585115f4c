import type { Transport } from "../types.js";
import { parseNoProxy } from "./noProxy.js";
import type { ProxiedTransportOptions, ProxySettings } from "./proxySettings.js";

/** A transport that hands `settings` to `next` with every request (the Node transport honours them). */
export function withProxy(next: Transport, settings: ProxySettings): Transport {
  return (request, options) => {
    const proxied: ProxiedTransportOptions = { ...options, proxy: settings };
    return next(request, proxied);
  };
}

/**
 * The settings of a client's credential requests: the client's, except that the ECS metadata service
 * (`metadataUrl`, default `http://100.100.100.200`) is always reached directly. It answers on the instance
 * itself; a proxy cannot reach it, and would see the instance's temporary credentials if it could.
 */
export function credentialProxySettings(settings: ProxySettings, metadataUrl = "http://100.100.100.200"): ProxySettings {
  let host: string;
  try {
    host = new URL(metadataUrl).host;
  } catch {
    return settings;
  }
  return { ...settings, noProxy: [...settings.noProxy, ...parseNoProxy(host)] };
}
