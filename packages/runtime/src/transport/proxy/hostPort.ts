/** Splits a `Host` value, `name`, `name:port`, `[v6]` or `[v6]:port`, into the name (brackets dropped) and port. */
export function splitHost(host: string): [hostname: string, port: number | undefined] {
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(host);
  if (!m) return [host, undefined];
  return [m[1]!.replace(/^\[|\]$/g, ""), m[2] ? Number(m[2]) : undefined];
}

/** `host:port` as a CONNECT target and Host header: IPv6 addresses in brackets. */
export function authority(hostname: string, port: number): string {
  return `${hostname.includes(":") ? `[${hostname}]` : hostname}:${port}`;
}
