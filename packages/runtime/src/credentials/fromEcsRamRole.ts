import { type Env, isEnvTrue, readEnv } from "./envVar.js";
import { type CredentialResponse, parseServiceUrl, sendCredentialRequest } from "./http/sendCredentialRequest.js";
import { sourceBroken, sourceNotFound } from "./sourceErrors.js";
import { type CredentialSourceOptions, refreshingSource } from "./sourceOptions.js";
import { expectSuccessCode, parseJsonObject, temporaryCredentialsFrom } from "./temporaryCredentials.js";
import type { CredentialProvider, Credentials } from "./types.js";

/** Options for {@link fromEcsRamRole}. */
export interface FromEcsRamRoleOptions extends CredentialSourceOptions {
  /** RAM role attached to the instance; defaults to `ALIBABA_CLOUD_ECS_METADATA`, else asked of the service. */
  readonly roleName?: string | undefined;
  /** Metadata service; default `http://100.100.100.200`. Tests point it at a local fake. */
  readonly baseUrl?: string | undefined;
  /** Per-request connect and read timeout; default 1000 ms, since off ECS the address never answers. */
  readonly timeoutMs?: number | undefined;
  /**
   * Refuse the token-less IMDSv1 protocol when the service gives no token (default: fall back to it, as the
   * official client does). Also enabled by `ALIBABA_CLOUD_IMDSV1_DISABLED=true`.
   */
  readonly disableImdsV1?: boolean | undefined;
  /** Names this source in errors and events; default `ecs ram role`. */
  readonly label?: string | undefined;
}

const DEFAULT_LABEL = "ecs ram role";
const DEFAULT_BASE_URL = "http://100.100.100.200";
const DEFAULT_TIMEOUT_MS = 1000;
const TOKEN_TTL_SECONDS = "21600";
const CREDENTIALS_PATH = "/latest/meta-data/ram/security-credentials/";
const TOKEN_HEADER = "x-aliyun-ecs-metadata-token";

/**
 * STS credentials of the RAM role attached to the ECS instance, from the instance metadata service.
 *
 * IMDSv2 first: a PUT for a session token, then GETs carrying it (which defeats SSRF through plain GETs).
 * When the service answers the PUT with an error (instances configured for IMDSv1 only answer 403), the GETs
 * are sent without a token, as the official client does, unless `disableImdsV1` or
 * `ALIBABA_CLOUD_IMDSV1_DISABLED=true` forbids it. A fresh token is fetched per refresh: refreshes are far
 * apart and the token TTL would need its own bookkeeping.
 *
 * The result is wrapped in {@link cachedProvider}: the credentials expire, and the provider contract is
 * "called once per request attempt".
 *
 * Not found (a chain moves on): `ALIBABA_CLOUD_ECS_METADATA_DISABLED=true`, service unreachable (not on ECS),
 * no token while IMDSv1 is disabled, or no role attached. Broken: any other failure once the service answered.
 */
export function fromEcsRamRole(options: FromEcsRamRoleOptions = {}): CredentialProvider {
  return refreshingSource(options, DEFAULT_LABEL, () => fetchEcsRamRoleCredentials(options));
}

/** One uncached round of the metadata protocol. Exported for tests; use {@link fromEcsRamRole}. */
export async function fetchEcsRamRoleCredentials(options: FromEcsRamRoleOptions = {}): Promise<Credentials> {
  const source = options.label ?? DEFAULT_LABEL;
  const env = options.env ?? process.env;
  if (isEnvTrue(env, "ALIBABA_CLOUD_ECS_METADATA_DISABLED")) {
    throw sourceNotFound(source, "disabled by ALIBABA_CLOUD_ECS_METADATA_DISABLED");
  }
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
  const service = parseServiceUrl(baseUrl);
  if (!service) throw sourceBroken(source, "metadata baseUrl is not an http(s) URL");
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const call = (method: string, path: string, headers: Record<string, string>): Promise<CredentialResponse> =>
    sendCredentialRequest(
      { method, protocol: service.protocol, host: service.host, path: `${service.path.replace(/\/+$/, "")}${path}`, headers },
      { connectTimeoutMs: timeoutMs, readTimeoutMs: timeoutMs },
      options.transport,
    );

  const auth = await metadataAuth(call, baseUrl, source, env, options.disableImdsV1);
  // Without a token, a 401/403 means this service speaks neither protocol to us (a proxy on the address, or
  // IMDSv2 enforced after a failed PUT): nothing to use here, as when the token was refused outright.
  const refusedV1 = (r: CredentialResponse): boolean => !auth[TOKEN_HEADER] && r.kind === "response" && (r.status === 401 || r.status === 403);
  const refused = (r: CredentialResponse & { kind: "response" }) =>
    sourceNotFound(source, `metadata service ${baseUrl} gave no token and refused IMDSv1 (HTTP ${r.status})`);

  let roleName = options.roleName ?? readEnv(env, "ALIBABA_CLOUD_ECS_METADATA");
  if (roleName === undefined) {
    const listing = await call("GET", CREDENTIALS_PATH, auth);
    if (listing.kind === "unreachable") throw sourceBroken(source, `listing roles: metadata service ${listing.reason}`);
    if (refusedV1(listing)) throw refused(listing);
    if (listing.status === 404) throw sourceNotFound(source, "no RAM role is attached to this instance");
    if (listing.status !== 200) throw sourceBroken(source, `listing roles: HTTP ${listing.status}`);
    roleName = listing.body.split(/\r?\n/)[0]?.trim();
    if (!roleName) throw sourceNotFound(source, "no RAM role is attached to this instance");
  }

  const response = await call("GET", `${CREDENTIALS_PATH}${encodeURIComponent(roleName)}`, auth);
  const role = `role "${roleName}"`;
  if (response.kind === "unreachable") throw sourceBroken(source, `${role}: metadata service ${response.reason}`);
  if (refusedV1(response)) throw refused(response);
  if (response.status === 404) throw sourceBroken(source, `${role} is not attached to this instance (HTTP 404)`);
  if (response.status !== 200) throw sourceBroken(source, `${role}: HTTP ${response.status}`);
  const data = parseJsonObject(response.body, source, role);
  expectSuccessCode(data, source, role);
  return temporaryCredentialsFrom(data, source, role);
}

/** The token header for the GETs (IMDSv2), or none (IMDSv1 fallback). */
async function metadataAuth(
  call: (method: string, path: string, headers: Record<string, string>) => Promise<CredentialResponse>,
  baseUrl: string,
  source: string,
  env: Env,
  disableImdsV1: boolean | undefined,
): Promise<Record<string, string>> {
  const response = await call("PUT", "/latest/api/token", { "x-aliyun-ecs-metadata-token-ttl-seconds": TOKEN_TTL_SECONDS });
  if (response.kind === "unreachable") throw sourceNotFound(source, `metadata service ${baseUrl} ${response.reason}`);
  const token = response.status === 200 ? response.body.trim() : "";
  if (token !== "") return { [TOKEN_HEADER]: token };
  if (disableImdsV1 ?? isEnvTrue(env, "ALIBABA_CLOUD_IMDSV1_DISABLED")) {
    throw sourceNotFound(source, `metadata service ${baseUrl} gave no token (HTTP ${response.status}) and IMDSv1 is disabled`);
  }
  return {};
}
