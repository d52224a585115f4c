const UNRESERVED_ONLY = /^[A-Za-z0-9\-_.~]*$/;
const LEFT_BY_ENCODE_URI = /[!'()*]/;
const LEFT_BY_ENCODE_URI_ALL = /[!'()*]/g;
const ESCAPED: Readonly<Record<string, string>> = { "!": "%21", "'": "%27", "(": "%28", ")": "%29", "*": "%2A" };
const escapeLeft = (c: string): string => ESCAPED[c]!;

/**
 * RFC 3986 percent-encoding, as Alibaba Cloud's signature V3 requires: everything but `A-Z a-z 0-9 - _ . ~`
 * is encoded as UTF-8 bytes. `encodeURIComponent` leaves `! ' ( ) *` alone, so those are fixed up.
 */
export function percentEncode(value: string): string {
  // Most names and values (ids, numbers, booleans) need no encoding: skip the encode-and-replace pass.
  if (UNRESERVED_ONLY.test(value)) return value;
  const encoded = encodeURIComponent(value);
  return LEFT_BY_ENCODE_URI.test(encoded) ? encoded.replace(LEFT_BY_ENCODE_URI_ALL, escapeLeft) : encoded;
}

/** Encodes each segment of a path, keeping the `/` separators. */
export function percentEncodePath(path: string): string {
  return path.split("/").map(percentEncode).join("/");
}
