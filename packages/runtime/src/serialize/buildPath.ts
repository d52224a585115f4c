import { percentEncode } from "../sign/percentEncode.js";
import type { WireParam } from "./serializeParameters.js";

/**
 * The encoded path of a request from its template: every `{Name}` becomes its value percent-encoded as one
 * segment (a `/` in a value is `%2F`, never a new segment), and the literal text of each segment is
 * encoded too. An absent optional path parameter leaves its place empty. This exact string is both sent and
 * signed (signature V3's canonical URI).
 */
export function encodePathTemplate(template: string, values: Readonly<Record<string, string>>): string {
  // RPC operations all post to `/`.
  if (template === "/") return template;
  return template
    .split("/")
    .map((segment) => {
      let out = "";
      let rest = segment;
      for (let m = /\{([^}]+)\}/.exec(rest); m !== null; m = /\{([^}]+)\}/.exec(rest)) {
        out += percentEncode(rest.slice(0, m.index)) + percentEncode(Object.hasOwn(values, m[1]!) ? values[m[1]!]! : "");
        rest = rest.slice(m.index + m[0].length);
      }
      return out + percentEncode(rest);
    })
    .join("/");
}

/** Each query pair RFC 3986-encoded, in the order given. */
export function encodeQueryPairs(query: readonly WireParam[]): WireParam[] {
  return query.map(([k, v]) => [percentEncode(k), percentEncode(v)]);
}

/** `name=value&…` of pairs already encoded, in the order given. */
export function joinQuery(encoded: readonly WireParam[]): string {
  let qs = "";
  for (const [k, v] of encoded) qs += (qs ? "&" : "") + k + "=" + v;
  return qs;
}

/** `name=value&…`, RFC 3986-encoded, in the order given. */
export function encodeQuery(query: readonly WireParam[]): string {
  return joinQuery(encodeQueryPairs(query));
}
