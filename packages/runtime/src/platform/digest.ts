// Node build (and every runtime that has `node:crypto`: Node, Bun, Deno). The portable build replaces this
// module with digest.web.ts (see scripts/platformPlugin.mjs): no `node:` import reaches runtimes without it.
import * as crypto from "node:crypto";
import type { AnyDigests, SyncDigests } from "./digestTypes.js";

/**
 * `node:crypto`'s digests, synchronous: signing stays one synchronous function call on Node.
 * `undefined` in the portable build, where only {@link digests} (Web Crypto) exist.
 * @internal
 */
export const syncDigests: SyncDigests | undefined = {
  // crypto.hash (Node 20.12+, Bun, Deno) hashes in one native call, without a Hash object.
  sha256Hex: typeof crypto.hash === "function" ? (data) => crypto.hash("sha256", data, "hex") : (data) => crypto.createHash("sha256").update(data).digest("hex"),
  hmacSha256Hex: (key, data) => crypto.createHmac("sha256", key).update(data).digest("hex"),
};

/** The digests this build signs with: here the synchronous ones. @internal */
export const digests: AnyDigests = syncDigests;
