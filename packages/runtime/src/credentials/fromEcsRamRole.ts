import { buildCredentials, isNonEmptyString } from "./buildCredentials.js";
import { cachedProvider } from "./cachedProvider.js";
import { type Env, isEnvTrue, readEnv } from "./envVar.js";
import { sourceBroken, sourceNotFound } from "./sourceErrors.js";
import type { CredentialProvider, Credentials } from "./types.js";

/** Options for {@link fromEcsRamRole}. */
export interface FromEcsRamRoleOptions {
  /** RAM role attached to the instance; defaults to `ALIBABA_CLOUD_ECS_METADATA`, else asked of the service. */
  readonly roleName?: string;
  /** Metadata service; default `http://100.100.100.200`. Tests point it at a local fake. */
  readonly baseUrl?: string;
  /** Per-request timeout covering connect and body read; default 1000 ms, since off ECS the address never answers. */
  readonly timeoutMs?: number;
  /** Environment to read; defaults to `process.env`. */
  readonly env?: Env;
  /** Passed to {@link cachedProvider}: how long before expiry to refresh. Default 3 minutes. */
  readonly refreshMarginMs?: number;
}

const SOURCE = "ecs ram role";
const DEFAULT_BASE_URL = "http://100.100.100.200";
const DEFAULT_TIMEOUT_MS = 1000;
const TOKEN_TTL_SECONDS = "21600";
const CREDENTIALS_PATH = "/latest/meta-data/ram/security-credentials/";

/**
 * STS credentials of the RAM role attached to the ECS instance, from the instance metadata service in its
 * token-protected mode (a PUT for a session token, then GETs carrying it, which defeats SSRF via plain GETs).
 *
 * The result is already wrapped in {@link cachedProvider}: the credentials expire, and the provider contract
 * is "called once per request attempt". A fresh metadata token is fetched per refresh rather than kept,
 * because refreshes are hours apart and the token TTL would need its own bookkeeping.
 *
 * Not found (a chain moves on): `ALIBABA_CLOUD_ECS_METADATA_DISABLED=true`, service unreachable (not on ECS),
 * token request refused, or no role attached. Broken: any other failure once the service has answered.
 */
export function fromEcsRamRole(options: FromEcsRamRoleOptions = {}): CredentialProvider {
  const upstream: CredentialProvider = { getCredentials: () => fetchEcsRamRoleCredentials(options) };
  return cachedProvider(upstream, options.refreshMarginMs === undefined ? {} : { refreshMarginMs: options.refreshMarginMs });
}

/** One uncached round of the metadata protocol. Exported for tests; use {@link fromEcsRamRole}. */
export async function fetchEcsRamRoleCredentials(options: FromEcsRamRoleOptions = {}): Promise<Credentials> {
  const env = options.env ?? process.env;
  if (isEnvTrue(env, "ALIBABA_CLOUD_ECS_METADATA_DISABLED")) {
    throw sourceNotFound(SOURCE, "disabled by ALIBABA_CLOUD_ECS_METADATA_DISABLED");
  }
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const call = (method: string, path: string, headers: Record<string, string>) =>
    request(`${baseUrl}${path}`, method, headers, timeoutMs);

  const tokenResponse = await call("PUT", "/latest/api/token", { "X-aliyun-ecs-metadata-token-ttl-seconds": TOKEN_TTL_SECONDS });
  if (tokenResponse.kind === "unreachable") throw sourceNotFound(SOURCE, `metadata service ${baseUrl} ${tokenResponse.reason}`);
  if (tokenResponse.status !== 200 || tokenResponse.body.trim() === "") {
    throw sourceNotFound(SOURCE, `metadata service ${baseUrl} gave no token (HTTP ${tokenResponse.status})`);
  }
  const auth = { "X-aliyun-ecs-metadata-token": tokenResponse.body.trim() };

  let roleName = options.roleName ?? readEnv(env, "ALIBABA_CLOUD_ECS_METADATA");
  if (roleName === undefined) {
    const listing = await call("GET", CREDENTIALS_PATH, auth);
    if (listing.kind === "unreachable") throw sourceBroken(SOURCE, `listing roles: metadata service ${listing.reason}`);
    if (listing.status === 404) throw sourceNotFound(SOURCE, "no RAM role is attached to this instance");
    if (listing.status !== 200) throw sourceBroken(SOURCE, `listing roles: HTTP ${listing.status}`);
    roleName = listing.body.split(/\r?\n/)[0]?.trim();
    if (!roleName) throw sourceNotFound(SOURCE, "no RAM role is attached to this instance");
  }

  const response = await call("GET", `${CREDENTIALS_PATH}${encodeURIComponent(roleName)}`, auth);
  const role = `role "${roleName}"`;
  if (response.kind === "unreachable") throw sourceBroken(SOURCE, `${role}: metadata service ${response.reason}`);
  if (response.status === 404) throw sourceBroken(SOURCE, `${role} is not attached to this instance (HTTP 404)`);
  if (response.status !== 200) throw sourceBroken(SOURCE, `${role}: HTTP ${response.status}`);
  return parseCredentials(response.body, role);
}

function parseCredentials(body: string, role: string): Credentials {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    // Never echo the body or the parser's message: both can contain the secret.
    throw sourceBroken(SOURCE, `${role}: response is not valid JSON`);
  }
  if (typeof data !== "object" || data === null) throw sourceBroken(SOURCE, `${role}: response is not a JSON object`);
  const d = data as Record<string, unknown>;
  if (d["Code"] !== "Success") {
    const code = typeof d["Code"] === "string" && /^[\w.-]{1,64}$/.test(d["Code"]) ? `"${d["Code"]}"` : "missing or unrecognised";
    throw sourceBroken(SOURCE, `${role}: Code is ${code}, expected "Success"`);
  }
  const missing = ["AccessKeyId", "AccessKeySecret", "SecurityToken", "Expiration"].filter((k) => !isNonEmptyString(d[k]));
  if (missing.length > 0) throw sourceBroken(SOURCE, `${role}: response has no ${missing.join(", ")}`);
  const expiration = new Date(d["Expiration"] as string);
  if (Number.isNaN(expiration.getTime())) throw sourceBroken(SOURCE, `${role}: Expiration is not a valid date`);
  return buildCredentials({
    accessKeyId: d["AccessKeyId"] as string,
    accessKeySecret: d["AccessKeySecret"] as string,
    securityToken: d["SecurityToken"] as string,
    expiration,
  });
}

type MetadataResponse =
  | { readonly kind: "response"; readonly status: number; readonly body: string }
  | { readonly kind: "unreachable"; readonly reason: string };

async function request(url: string, method: string, headers: Record<string, string>, timeoutMs: number): Promise<MetadataResponse> {
  // One signal spans connect, headers and body, so a server that stalls mid-body is also cut off.
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, { method, headers, signal, redirect: "error" });
    return { kind: "response", status: response.status, body: await response.text() };
  } catch (error) {
    return { kind: "unreachable", reason: describeNetworkError(error, timeoutMs) };
  }
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  const e = error as { name?: unknown; cause?: { code?: unknown } };
  if (e.name === "TimeoutError" || e.name === "AbortError") return `did not answer within ${timeoutMs} ms`;
  const code = typeof e.cause?.code === "string" ? e.cause.code : "network error";
  return `is unreachable (${code})`;
}
