/**
 * `NO_PROXY` matching, as curl, Go and Python read the variable: a comma- or space-separated list of
 *
 * - `*`: no request uses a proxy;
 * - a host name, `example.com`: that host and every subdomain (`api.example.com`), not `notexample.com`;
 * - a leading dot or `*.`, `.example.com`: subdomains only;
 * - an IP address (`10.0.0.5`, `::1`, `[::1]`) or a CIDR block (`10.0.0.0/8`, `fd00::/8`): those addresses;
 * - any of these with `:port`: only requests to that port.
 *
 * Names compare case-insensitively, trailing dots ignored. Host names are not resolved: `10.0.0.0/8` matches
 * a request to `10.1.2.3`, not one to a name that resolves there.
 */
export type NoProxyRule =
  | { readonly kind: "all" }
  | { readonly kind: "name"; readonly name: string; readonly subdomainsOnly: boolean; readonly port?: number | undefined }
  | { readonly kind: "ip"; readonly bits: readonly number[]; readonly prefix: number; readonly port?: number | undefined };

/** The bits of an IPv4 (32) or IPv6 (128) address, or `undefined` when `text` is neither. */
export function ipBits(text: string): number[] | undefined {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const octets = v4.slice(1).map(Number);
    return octets.every((o) => o <= 255) ? octets.flatMap((o) => byteBits(o, 8)) : undefined;
  }
  if (!text.includes(":")) return undefined;
  let host: string;
  try {
    host = new URL(`http://[${text}]/`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
  // URL prints IPv6 compressed; expand `::` to the missing zero groups. (An embedded IPv4 is printed as hex.)
  const [head = "", tail] = host.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  return groups.flatMap((g) => byteBits(parseInt(g, 16), 16));
}

function byteBits(value: number, width: number): number[] {
  return Array.from({ length: width }, (_, i) => (value >> (width - 1 - i)) & 1);
}

/** Splits `host[:port]`, `[v6]:port`, or a bare IPv6 address. */
function splitEntry(entry: string): { host: string; port: number | undefined } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { host: bracketed[1]!, port: bracketed[2] ? Number(bracketed[2]) : undefined };
  if ((entry.match(/:/g) ?? []).length > 1) return { host: entry, port: undefined };
  const m = /^(.*?)(?::(\d+))?$/.exec(entry)!;
  return { host: m[1]!, port: m[2] ? Number(m[2]) : undefined };
}

/** Parses a `NO_PROXY` value into rules; entries it cannot read are skipped. */
export function parseNoProxy(value: string | undefined): NoProxyRule[] {
  const rules: NoProxyRule[] = [];
  for (const raw of (value ?? "").split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === "*") {
      rules.push({ kind: "all" });
      continue;
    }
    const slash = entry.indexOf("/");
    if (slash > 0) {
      const bits = ipBits(entry.slice(0, slash));
      const prefix = Number(entry.slice(slash + 1));
      if (bits && Number.isInteger(prefix) && prefix >= 0 && prefix <= bits.length) rules.push({ kind: "ip", bits, prefix });
      continue;
    }
    const { host, port } = splitEntry(entry);
    const bits = ipBits(host);
    if (bits) {
      rules.push({ kind: "ip", bits, prefix: bits.length, port });
      continue;
    }
    const subdomainsOnly = host.startsWith(".") || host.startsWith("*.");
    const name = host.replace(/^\*?\./, "").replace(/\.$/, "");
    if (name) rules.push({ kind: "name", name, subdomainsOnly, port });
  }
  return rules;
}

/** Whether a request to `hostname` (IPv6 without brackets) on `port` bypasses the proxy under `rules`. */
export function bypassesProxy(rules: readonly NoProxyRule[], hostname: string, port: number): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  const bits = ipBits(host);
  return rules.some((rule) => {
    if (rule.kind === "all") return true;
    if (rule.port !== undefined && rule.port !== port) return false;
    if (rule.kind === "ip") return bits !== undefined && bits.length === rule.bits.length && rule.bits.slice(0, rule.prefix).every((b, i) => b === bits[i]);
    if (bits !== undefined) return false;
    return host.endsWith(`.${rule.name}`) || (!rule.subdomainsOnly && host === rule.name);
  });
}
