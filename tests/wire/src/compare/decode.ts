// Decoding what a client put on the wire, so two requests are compared by meaning where the meaning is the
// same (query order, percent-encoding choices, JSON key order) and by bytes where bytes are the meaning.

/** RFC 3986 percent-encoding: everything but `A-Z a-z 0-9 - _ . ~`, as UTF-8 bytes. */
export function rfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Decodes one percent-encoded component; `+` is a space in a query (form convention). Bad escapes stay as sent. */
export function decodeComponent(s: string, plusIsSpace: boolean): string {
  const t = plusIsSpace ? s.replace(/\+/g, " ") : s;
  try {
    return decodeURIComponent(t);
  } catch {
    return t;
  }
}

export type Pair = readonly [string, string];

/** `a=1&b=2` → pairs, decoded, in the order sent. */
export function parseQuery(raw: string): Pair[] {
  if (raw === "") return [];
  return raw.split("&").map((part) => {
    const i = part.indexOf("=");
    const k = i < 0 ? part : part.slice(0, i);
    const v = i < 0 ? "" : part.slice(i + 1);
    return [decodeComponent(k, true), decodeComponent(v, true)] as const;
  });
}

/** A raw path's segments, each decoded. */
export function decodePath(rawPath: string): string[] {
  return rawPath.split("/").map((s) => decodeComponent(s, false));
}

/** A request body decoded per its content type. */
export type DecodedBody =
  | { readonly kind: "empty" }
  | { readonly kind: "form"; readonly pairs: readonly Pair[] }
  | { readonly kind: "json"; readonly value: unknown }
  | { readonly kind: "bytes"; readonly bytes: Buffer };

/** The media type without parameters, lower case (`application/json; charset=utf-8` → `application/json`). */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}

export function decodeBody(body: Buffer, contentType: string | undefined): DecodedBody {
  if (body.length === 0) return { kind: "empty" };
  const type = mediaType(contentType);
  if (type === "application/x-www-form-urlencoded") return { kind: "form", pairs: parseQuery(body.toString("utf8")) };
  if (type === "application/json" || type.endsWith("+json")) {
    try {
      return { kind: "json", value: JSON.parse(body.toString("utf8")) as unknown };
    } catch {
      return { kind: "bytes", bytes: body };
    }
  }
  return { kind: "bytes", bytes: body };
}

/** JSON with object keys sorted at every level: equal strings mean deep-equal values. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v as Record<string, unknown>).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

/** Multiset difference of two pair lists: what only `a` has and what only `b` has (each sorted). */
export function pairDifference(a: readonly Pair[], b: readonly Pair[]): { onlyA: Pair[]; onlyB: Pair[] } {
  const count = new Map<string, number>();
  const key = (p: Pair) => JSON.stringify(p);
  for (const p of b) count.set(key(p), (count.get(key(p)) ?? 0) + 1);
  const onlyA: Pair[] = [];
  for (const p of a) {
    const n = count.get(key(p)) ?? 0;
    if (n > 0) count.set(key(p), n - 1);
    else onlyA.push(p);
  }
  const remaining = new Map(count);
  const onlyB: Pair[] = [];
  for (const p of b) {
    const n = remaining.get(key(p)) ?? 0;
    if (n > 0) {
      onlyB.push(p);
      remaining.set(key(p), n - 1);
    }
  }
  const sort = (l: Pair[]) => l.sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
  return { onlyA: sort(onlyA), onlyB: sort(onlyB) };
}
