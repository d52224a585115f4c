// Node build (and every runtime that has `node:crypto`: Node, Bun, Deno). The portable build replaces this
// module with digest.web.ts (see scripts/platformPlugin.mjs): no `node:` import reaches runtimes without it.
import type * as NodeCrypto from "node:crypto";
import { createRequire } from "node:module";
import type { AnyDigests, SyncDigests } from "./digestTypes.js";

let loaded: typeof NodeCrypto | undefined;

/**
 * `node:crypto`, loaded on the first signature rather than at import: loading it was a fifth of what
 * importing the runtime cost (cold start). `process.getBuiltinModule` where it exists (Node 20.16+, Bun,
 * Deno), else a `require` (builtins resolve the same from any path).
 */
function nodeCrypto(): typeof NodeCrypto {
  if (loaded === undefined) {
    const builtin = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.("node:crypto");
    loaded = (builtin as typeof NodeCrypto | undefined) ?? (createRequire("/")("node:crypto") as typeof NodeCrypto);
  }
  return loaded;
}

/**
 * `node:crypto`'s digests, synchronous: signing stays one synchronous function call on Node.
 * `undefined` in the portable build, where only {@link digests} (Web Crypto) exist.
 * @internal
 */
export const syncDigests: SyncDigests | undefined = {
  // crypto.hash (Node 20.12+, Bun, Deno) hashes in one native call, without a Hash object.
  sha256Hex(data) {
    const crypto = nodeCrypto();
    return typeof crypto.hash === "function" ? crypto.hash("sha256", data, "hex") : crypto.createHash("sha256").update(data).digest("hex");
  },
  hmacSha256Hex: (key, data) => nodeCrypto().createHmac("sha256", key).update(data).digest("hex"),
};

/** The digests this build signs with: here the synchronous ones. @internal */
export const digests: AnyDigests = syncDigests;
