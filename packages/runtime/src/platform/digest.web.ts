// Portable build: Web Crypto (`globalThis.crypto.subtle`), which Cloudflare Workers, Deno, Bun, browsers and
// Node 20+ all provide. Its digests are asynchronous, so this build signs with signRequestV3Async.
import type { AnyDigests, SyncDigests } from "./digestTypes.js";

const utf8 = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

function toHex(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let out = "";
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]!];
  return out;
}

function subtle(): SubtleCrypto {
  const found = globalThis.crypto?.subtle;
  if (found === undefined) throw new Error("@acs-modular/runtime: signing needs Web Crypto (globalThis.crypto.subtle), which this runtime does not provide");
  return found;
}

function bytesOf(data: string | Uint8Array): Uint8Array<ArrayBuffer> {
  // Request bodies are never views of a SharedArrayBuffer, which is all the narrower type rules out.
  return typeof data === "string" ? utf8.encode(data) : (data as Uint8Array<ArrayBuffer>);
}

/** No synchronous digests without `node:crypto`. @internal */
export const syncDigests: SyncDigests | undefined = undefined;

/** Web Crypto's SHA-256 and HMAC-SHA256. @internal */
export const digests: AnyDigests = {
  sha256Hex: async (data) => toHex(await subtle().digest("SHA-256", bytesOf(data))),
  hmacSha256Hex: async (key, data) => {
    const cryptoKey = await subtle().importKey("raw", utf8.encode(key), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    return toHex(await subtle().sign("HMAC", cryptoKey, utf8.encode(data)));
  },
};
