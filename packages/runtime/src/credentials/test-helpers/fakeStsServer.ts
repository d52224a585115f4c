// Test-only: a fake STS (AssumeRole, AssumeRoleWithOIDC) on 127.0.0.1 that really authenticates its callers.
// It accepts both request shapes in use: ours (signature V3, x-acs-action header, form body) and the official
// @alicloud/credentials client's (RPC signature V1 in the query string), and checks every signature against
// the keys it knows — long-term keys a test registers and the temporary keys it issued — so a chained role
// only works if the credentials under it really were the ones STS handed out.
import { createHmac } from "node:crypto";
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { verifySignatureV3 } from "@acs-modular/testing";

/** What the fake answers; every field can be changed between requests. */
export interface FakeStsBehaviour {
  /** Lifetime of issued credentials. Default one hour. */
  lifetimeMs: number;
  /** Clock for `Expiration`. Default `Date.now`. */
  now: () => number;
  /** When set, every call is refused with this status and error code. */
  failWith: { readonly status: number; readonly code: string } | undefined;
}

/** One call the fake answered (or refused), for assertions. */
export interface StsCallRecord {
  readonly action: string;
  /** Host header as sent: which STS endpoint the client meant. */
  readonly host: string;
  /** `v3` (ours), `v1` (the official client's AssumeRole), `anonymous` (AssumeRoleWithOIDC). */
  readonly signature: "v3" | "v1" | "anonymous";
  /** Body (and for v1, query) parameters, signature fields removed. */
  readonly params: Readonly<Record<string, string>>;
  /** Who signed, when signed. */
  readonly callerAccessKeyId: string | undefined;
  /** The issued AccessKeyId, or the error code. */
  readonly outcome: string;
}

/** A running fake; `close()` it when done. */
export interface FakeStsServer {
  /** `http(s)://127.0.0.1:<port>`. */
  readonly url: string;
  /** `127.0.0.1:<port>`. */
  readonly host: string;
  readonly behaviour: FakeStsBehaviour;
  readonly calls: StsCallRecord[];
  /** Registers a long-term key (or STS credentials) the fake accepts signatures from. */
  addAccessKey(accessKeyId: string, secret: string, securityToken?: string): void;
  close(): Promise<void>;
}

interface KnownKey {
  readonly secret: string;
  readonly token: string | undefined;
}

/**
 * The AccessKeyId the fake issues for a role: derived from the role name and the caller, so two clients
 * resolving the same profile get the same id, and a chained role shows its path (`STS.b@STS.a@AK`).
 */
export function issuedAccessKeyId(roleArn: string, caller: string | undefined): string {
  const role = roleArn.slice(roleArn.lastIndexOf("/") + 1) || "role";
  return `STS.${role}@${caller ?? "oidc"}`;
}

/** Starts the fake on an ephemeral port; HTTPS when `tls` is given (for clients that insist on it). */
export async function startFakeStsServer(
  options: { readonly tls?: { readonly key: string; readonly cert: string } } & Partial<FakeStsBehaviour> = {},
): Promise<FakeStsServer> {
  const { tls, ...initial } = options;
  const behaviour: FakeStsBehaviour = { lifetimeMs: 3_600_000, now: Date.now, failWith: undefined, ...initial };
  const keys = new Map<string, KnownKey>();
  const calls: StsCallRecord[] = [];
  let issued = 0;

  const handle = (req: IncomingMessage, body: string): { status: number; json: Record<string, unknown> } => {
    const url = new URL(req.url ?? "/", "http://fake");
    const query = [...url.searchParams.entries()];
    const form = [...new URLSearchParams(body).entries()];
    const headers = flatHeaders(req);
    const v1 = url.searchParams.has("Signature");
    const action = headers["x-acs-action"] ?? url.searchParams.get("Action") ?? "";
    const params: Record<string, string> = {};
    for (const [k, v] of v1 ? [...query, ...form] : form) if (!V1_SIGNATURE_FIELDS.has(k)) params[k] = v;
    const caller = v1 ? url.searchParams.get("AccessKeyId") ?? undefined : /Credential=([^,]+)/.exec(headers.authorization ?? "")?.[1];
    const signature = v1 ? "v1" : headers.authorization ? "v3" : "anonymous";
    const refuse = (status: number, code: string) => {
      calls.push({ action, host: headers.host ?? "", signature, params, callerAccessKeyId: caller, outcome: code });
      return { status, json: { RequestId: requestId(calls.length), Code: code, Message: `fake STS refused: ${code}` } };
    };

    if (action !== "AssumeRole" && action !== "AssumeRoleWithOIDC") return refuse(400, "InvalidAction.NotFound");
    if (behaviour.failWith) return refuse(behaviour.failWith.status, behaviour.failWith.code);
    if (signature === "anonymous") {
      if (action !== "AssumeRoleWithOIDC") return refuse(400, "MissingAccessKeyId");
      if (!params["OIDCToken"] || !params["OIDCProviderArn"]) return refuse(400, "MissingOIDCToken");
    } else {
      const key = caller === undefined ? undefined : keys.get(caller);
      if (!key) return refuse(404, "InvalidAccessKeyId.NotFound");
      const sentToken = v1 ? url.searchParams.get("SecurityToken") ?? undefined : headers["x-acs-security-token"];
      if (key.token !== sentToken) return refuse(400, "InvalidSecurityToken.Mismatch");
      const ok = v1
        ? verifyV1(req.method ?? "", query, form, key.secret)
        : verifySignatureV3({ method: req.method ?? "", pathname: url.pathname, rawQuery: url.search.slice(1), query, headers, body }, key.secret).ok;
      if (!ok) return refuse(400, "SignatureDoesNotMatch");
    }
    if (!params["RoleArn"]) return refuse(400, "MissingRoleArn");

    issued++;
    const accessKeyId = issuedAccessKeyId(params["RoleArn"], signature === "anonymous" ? undefined : caller);
    const credentials = {
      AccessKeyId: accessKeyId,
      AccessKeySecret: `sts-secret-${issued}`,
      SecurityToken: `sts-token-${issued}`,
      Expiration: new Date(behaviour.now() + behaviour.lifetimeMs).toISOString().replace(/\.\d{3}Z$/, "Z"),
    };
    keys.set(accessKeyId, { secret: credentials.AccessKeySecret, token: credentials.SecurityToken });
    calls.push({ action, host: headers.host ?? "", signature, params, callerAccessKeyId: caller, outcome: accessKeyId });
    return { status: 200, json: { RequestId: requestId(calls.length), AssumedRoleUser: { Arn: params["RoleArn"] }, Credentials: credentials } };
  };

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const { status, json } = handle(req, Buffer.concat(chunks).toString("utf8"));
      res.writeHead(status, { "content-type": "application/json;charset=utf-8" }).end(JSON.stringify(json));
    });
  };
  const server: Server = tls ? createHttpsServer({ key: tls.key, cert: tls.cert }, listener) : createHttpServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? "https" : "http"}://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    behaviour,
    calls,
    addAccessKey: (id, secret, token) => keys.set(id, { secret, token }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A request id in the gateways' UUID form: `00000000-0000-4000-8000-<n, 12 digits>`. */
export function requestId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
}

const V1_SIGNATURE_FIELDS = new Set(["Signature", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp", "AccessKeyId", "SecurityToken", "Format", "Version", "Action"]);

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(",") : v;
  return out;
}

/** RPC signature V1 (HMAC-SHA1 over the sorted query and form parameters), written from the published algorithm. */
function verifyV1(method: string, query: [string, string][], form: [string, string][], secret: string): boolean {
  const sent = query.find(([k]) => k === "Signature")?.[1];
  const pairs = [...query, ...form].filter(([k]) => k !== "Signature").map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`);
  const stringToSign = `${method}&${rfc3986("/")}&${rfc3986(pairs.sort().join("&"))}`;
  return sent === createHmac("sha1", `${secret}&`).update(stringToSign).digest("base64");
}

function rfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
