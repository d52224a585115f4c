// Test helper: signs a hand-made captured request with this package's own canonicalization, so comparison
// tests can build valid (and deliberately broken) pairs without a client.
import { createHash, createHmac } from "node:crypto";
import type { CapturedRequest } from "../capture/captureServer.js";
import { canonicalRequestOf, STRICT_RULES, type CanonicalRules } from "./verifySignature.js";

export interface HandMade {
  readonly method?: string;
  readonly rawPath?: string;
  readonly rawQuery?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: Buffer | string;
}

/** A captured request signed for `accessKeyId`/`secret` (under `rules`, strict by default). */
export function signedRequest(spec: HandMade, accessKeyId: string, secret: string, rules: CanonicalRules = STRICT_RULES): CapturedRequest {
  const body = Buffer.isBuffer(spec.body) ? spec.body : Buffer.from(spec.body ?? "");
  const headers: Record<string, string> = {
    host: "127.0.0.1:1",
    "x-acs-action": "DoThing",
    "x-acs-version": "2020-01-01",
    "x-acs-date": "2025-06-01T00:00:00Z",
    "x-acs-signature-nonce": "hand-made",
    accept: "application/json",
    "user-agent": "test",
    ...spec.headers,
    "x-acs-content-sha256": createHash("sha256").update(body).digest("hex"),
  };
  const signed = Object.keys(headers)
    .filter((h) => h === "host" || h === "content-type" || h.startsWith("x-acs-"))
    .sort();
  const rawPath = spec.rawPath ?? "/";
  const rawQuery = spec.rawQuery ?? "";
  const base: CapturedRequest = { method: spec.method ?? "POST", target: rawQuery ? `${rawPath}?${rawQuery}` : rawPath, rawPath, rawQuery, headers, rawHeaders: [], body };
  const canonical = canonicalRequestOf(base, signed, rules);
  const signature = createHmac("sha256", secret).update(`ACS3-HMAC-SHA256\n${createHash("sha256").update(canonical).digest("hex")}`).digest("hex");
  return { ...base, headers: { ...headers, authorization: `ACS3-HMAC-SHA256 Credential=${accessKeyId},SignedHeaders=${signed.join(";")},Signature=${signature}` } };
}
