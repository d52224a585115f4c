// An independent ACS3-HMAC-SHA256 verifier working from the raw captured bytes: written from the published
// algorithm (signature V3), sharing no code with our runtime or with openapi-core, so a bug in either signer
// cannot hide in its own check.
//
//   CanonicalRequest = Method \n CanonicalURI \n CanonicalQuery \n CanonicalHeaders \n SignedHeaders \n HashedPayload
//   CanonicalURI     = each path segment as received, decoded, RFC 3986-encoded, joined with `/`
//   CanonicalQuery   = each pair decoded, name and value RFC 3986-encoded, sorted by name then value, `k=v&…`
//   CanonicalHeaders = `name:trimmed value\n` for each signed header, in SignedHeaders order (sorted, lower case)
//   Authorization    = ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<a;b;…>,Signature=hex(HMAC-SHA256(secret,
//                      "ACS3-HMAC-SHA256\n" + hex(SHA256(CanonicalRequest))))
//
// `variant` reproduces a known signing quirk of a client (see officialQuirks.ts), to name what went wrong when
// the strict check fails; the strict rules are the default.
import { createHash, createHmac } from "node:crypto";
import type { CapturedRequest } from "../capture/captureServer.js";
import { decodeComponent, rfc3986 } from "./decode.js";

/** Headers that must be signed when present, and those every request must sign. */
const ALWAYS_SIGNED = ["host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"] as const;

export interface CanonicalRules {
  /** Encodes one decoded path segment for the canonical URI. */
  readonly pathSegment: (decoded: string) => string;
  /** Encodes one decoded query name. */
  readonly queryName: (decoded: string) => string;
}

export const STRICT_RULES: CanonicalRules = { pathSegment: rfc3986, queryName: rfc3986 };

export interface SignatureCheck {
  readonly ok: boolean;
  /** Why it failed; never contains a secret or a signature. */
  readonly reason: string;
  readonly accessKeyId: string;
  /** Header names listed in SignedHeaders. */
  readonly signedHeaders: readonly string[];
  /** The canonical request rebuilt (the security token value redacted). */
  readonly canonicalRequest: string;
}

const AUTH = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/;

function fail(reason: string, accessKeyId = "", signedHeaders: readonly string[] = []): SignatureCheck {
  return { ok: false, reason, accessKeyId, signedHeaders, canonicalRequest: "" };
}

/** The canonical request of `req` under `rules`. */
export function canonicalRequestOf(req: CapturedRequest, signedHeaders: readonly string[], rules: CanonicalRules = STRICT_RULES): string {
  const uri = req.rawPath
    .split("/")
    .map((s) => rules.pathSegment(decodeComponent(s, false)))
    .join("/");
  const pairs =
    req.rawQuery === ""
      ? []
      : req.rawQuery.split("&").map((part) => {
          const i = part.indexOf("=");
          const k = decodeComponent(i < 0 ? part : part.slice(0, i), true);
          const v = decodeComponent(i < 0 ? "" : part.slice(i + 1), true);
          return [rules.queryName(k), rfc3986(v)] as const;
        });
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const query = pairs.map(([k, v]) => `${k}=${v}`).join("&");
  const headers = signedHeaders.map((h) => `${h}:${(req.headers[h] ?? "").trim()}\n`).join("");
  const payload = createHash("sha256").update(req.body).digest("hex");
  return [req.method.toUpperCase(), uri, query, headers, signedHeaders.join(";"), payload].join("\n");
}

/** Verifies the signature of a captured request with `secret`. */
export function verifySignature(req: CapturedRequest, secret: string, rules: CanonicalRules = STRICT_RULES): SignatureCheck {
  const m = AUTH.exec(req.headers.authorization ?? "");
  if (!m) return fail("Authorization is not an ACS3-HMAC-SHA256 header");
  const [, accessKeyId, list, signature] = m as unknown as [string, string, string, string];
  const signedHeaders = list.split(";");
  const sorted = [...signedHeaders].sort();
  if (sorted.join(";") !== list || signedHeaders.some((h) => h !== h.toLowerCase())) return fail("SignedHeaders is not sorted lower case", accessKeyId, signedHeaders);
  for (const h of ALWAYS_SIGNED) if (!signedHeaders.includes(h)) return fail(`header ${h} is not signed`, accessKeyId, signedHeaders);
  for (const h of Object.keys(req.headers)) {
    if ((h.startsWith("x-acs-") || h === "content-type") && !signedHeaders.includes(h)) return fail(`header ${h} is sent but not signed`, accessKeyId, signedHeaders);
  }
  for (const h of signedHeaders) if (req.headers[h] === undefined) return fail(`signed header ${h} is not sent`, accessKeyId, signedHeaders);
  const payload = createHash("sha256").update(req.body).digest("hex");
  if (req.headers["x-acs-content-sha256"] !== payload) return fail("x-acs-content-sha256 is not the SHA-256 of the body bytes", accessKeyId, signedHeaders);
  const canonical = canonicalRequestOf(req, signedHeaders, rules);
  const stringToSign = `ACS3-HMAC-SHA256\n${createHash("sha256").update(canonical).digest("hex")}`;
  const expected = createHmac("sha256", secret).update(stringToSign).digest("hex");
  const redacted = canonical.replace(/^(x-acs-security-token:).*$/m, "$1(redacted)");
  if (expected !== signature) return { ok: false, reason: "signature mismatch", accessKeyId, signedHeaders, canonicalRequest: redacted };
  return { ok: true, reason: "", accessKeyId, signedHeaders, canonicalRequest: redacted };
}
