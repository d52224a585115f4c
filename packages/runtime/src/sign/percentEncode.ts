const UNRESERVED_ONLY = /^[A-Za-z0-9\-_.~]*$/;

/**
 * RFC 3986 percent-encoding, as Alibaba Cloud's signature V3 requires: everything but `A-Z a-z 0-9 - _ . ~`
 * is encoded as UTF-8 bytes. `encodeURIComponent` leaves `! ' ( ) *` alone, so those are fixed up.
 */
export function percentEncode(value: string): string {
  // Most names and values (ids, numbers, booleans) need no encoding: skip the encode-and-replace pass.
  if (UNRESERVED_ONLY.test(value)) return value;
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Encodes each segment of a path, keeping the `/` separators. */
export function percentEncodePath(path: string): string {
  return path.split("/").map(percentEncode).join("/");
}
