import { createHash, createHmac } from "node:crypto";
import type { ReceivedRequest } from "./fakeServer.js";

// An independent implementation of ACS3-HMAC-SHA256 verification, written from the published algorithm
// rather than shared with the runtime, so that a bug in the signer cannot also hide in its check.

function rfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

export interface SignatureCheck {
  readonly ok: boolean;
  readonly reason: string;
  readonly canonicalRequest: string;
  readonly signedHeaders: readonly string[];
  readonly accessKeyId: string;
}

/** Recomputes the signature of a received request with `secret` and compares it with its Authorization header. */
export function verifySignatureV3(req: ReceivedRequest, secret: string): SignatureCheck {
  const auth = req.headers.authorization ?? "";
  const m = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return { ok: false, reason: "malformed Authorization header", canonicalRequest: "", signedHeaders: [], accessKeyId: "" };
  const [, accessKeyId, signedList, signature] = m as unknown as [string, string, string, string];
  const signedHeaders = signedList.split(";");
  const required = ["host", "x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"];
  for (const h of required) {
    if (!signedHeaders.includes(h)) return { ok: false, reason: `header ${h} is not signed`, canonicalRequest: "", signedHeaders, accessKeyId };
  }
  const bodyHash = createHash("sha256").update(req.bodyBytes ?? req.body).digest("hex");
  if (req.headers["x-acs-content-sha256"] !== bodyHash) {
    return { ok: false, reason: "x-acs-content-sha256 does not match the body", canonicalRequest: "", signedHeaders, accessKeyId };
  }
  const query = req.query
    .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
    .sort()
    .join("&");
  const headerBlock = signedHeaders.map((h) => `${h}:${(req.headers[h] ?? "").trim()}\n`).join("");
  const path = req.pathname.split("/").map((s) => rfc3986(decodeURIComponent(s))).join("/");
  const canonicalRequest = [req.method, path, query, headerBlock, signedList, bodyHash].join("\n");
  const stringToSign = `ACS3-HMAC-SHA256\n${createHash("sha256").update(canonicalRequest).digest("hex")}`;
  const expected = createHmac("sha256", secret).update(stringToSign).digest("hex");
  const ok = expected === signature;
  return { ok, reason: ok ? "" : "signature mismatch", canonicalRequest, signedHeaders, accessKeyId };
}
