import { describe, expect, it } from "vitest";
import * as nodeDigest from "./digest.js";
import * as webDigest from "./digest.web.js";

// Published vectors: FIPS 180-4 examples for SHA-256, RFC 4231 test case 2 for HMAC-SHA256.
const SHA256 = [
  ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
  ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
] as const;
const NON_ASCII = "ü€𝄞 ACS3";
const HMAC = { key: "Jefe", data: "what do ya want for nothing?", hex: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843" };

describe.each([
  ["node:crypto (digest.ts)", nodeDigest],
  ["Web Crypto (digest.web.ts)", webDigest],
])("%s", (_, platform) => {
  it.each(SHA256)("hashes %j to the published SHA-256", async (text, hex) => {
    expect(await platform.digests.sha256Hex(text)).toBe(hex);
    expect(await platform.digests.sha256Hex(new TextEncoder().encode(text))).toBe(hex);
  });

  it("computes the RFC 4231 HMAC-SHA256 vector", async () => {
    expect(await platform.digests.hmacSha256Hex(HMAC.key, HMAC.data)).toBe(HMAC.hex);
  });
});

describe("the two platforms", () => {
  it("agree on UTF-8 text, bytes that are not text, and keys beyond the block size", async () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 37) % 256);
    const key = "k".repeat(100) + "ü";
    const text = NON_ASCII;
    for (const data of [text, bytes]) expect(await webDigest.digests.sha256Hex(data)).toBe(await nodeDigest.digests.sha256Hex(data));
    expect(await webDigest.digests.hmacSha256Hex(key, text)).toBe(await nodeDigest.digests.hmacSha256Hex(key, text));
  });

  it("offer synchronous digests only with node:crypto", () => {
    expect(nodeDigest.syncDigests).toBe(nodeDigest.digests);
    expect(webDigest.syncDigests).toBeUndefined();
  });
});
