/** SHA-256 and HMAC-SHA256 as lower-case hex, the two primitives signature V3 needs. @internal */
export interface Digests<R> {
  /** SHA-256 of a UTF-8 string or of bytes. */
  sha256Hex(data: string | Uint8Array): R;
  /** HMAC-SHA256 of a UTF-8 string under a UTF-8 key. */
  hmacSha256Hex(key: string, data: string): R;
}

/** Synchronous digests: `node:crypto`, where it exists. @internal */
export type SyncDigests = Digests<string>;

/** Digests that may answer later: Web Crypto's are asynchronous. @internal */
export type AnyDigests = Digests<string | Promise<string>>;
