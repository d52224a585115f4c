/** A proxy to send requests through: where it is and how to authenticate, never printed with its credentials. */
export interface ProxyEndpoint {
  /** Host name or IP address (IPv6 without brackets). */
  readonly hostname: string;
  readonly port: number;
  /** `Proxy-Authorization` value (`Basic …`) from the URL's user and password, if it had any. */
  readonly authorization?: string | undefined;
  /** `http://host:port`: the URL without credentials, for messages and logs. */
  readonly label: string;
}

/**
 * Parses a proxy URL (`http://user:pass@proxy.corp:8080`; a bare `proxy.corp:8080` means `http://`). Only
 * `http://` proxies are supported: HTTPS targets are reached through them with `CONNECT`, so TLS still runs
 * end to end. Credentials in the URL become a Basic `Proxy-Authorization` header (percent-decoded, as curl
 * does). A URL that cannot be used is a TypeError naming `source` (the option or environment variable),
 * never the value, which may hold a password.
 */
export function parseProxyUrl(value: string | URL, source: string): ProxyEndpoint {
  const text = typeof value === "string" ? value.trim() : value.href;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    throw new TypeError(`${source} is not a valid proxy URL`);
  }
  if (url.protocol !== "http:") throw new TypeError(`${source} must be an http:// proxy URL, got ${url.protocol}// (https and socks proxies are not supported)`);
  if (!url.hostname) throw new TypeError(`${source} is not a valid proxy URL`);
  const port = url.port ? Number(url.port) : 80;
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  const label = `http://${url.host}`;
  if (!url.username && !url.password) return { hostname, port, label };
  const userPass = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  return { hostname, port, label, authorization: `Basic ${base64(userPass)}` };
}

/** Base64 of the UTF-8 bytes of `text` (btoa alone takes Latin-1 only). */
function base64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}
