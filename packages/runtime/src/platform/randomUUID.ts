/**
 * A random (version 4) UUID from `globalThis.crypto.randomUUID`, which Node 20+, Deno, Bun, Cloudflare Workers
 * and browsers all provide: one implementation for every build, no `node:crypto` import. Called through
 * `crypto` (not detached), as Workers require.
 * @internal
 */
export function randomUUID(): string {
  return globalThis.crypto.randomUUID();
}
