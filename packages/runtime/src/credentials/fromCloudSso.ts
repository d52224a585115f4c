import { parseServiceUrl, sendCredentialRequest } from "./http/sendCredentialRequest.js";
import { sourceBroken } from "./sourceErrors.js";
import { type CredentialSourceOptions, refreshingSource } from "./sourceOptions.js";
import { parseJsonObject, temporaryCredentialsFrom } from "./temporaryCredentials.js";
import type { CredentialProvider, Credentials } from "./types.js";

/** Options for {@link fromCloudSso}: what `aliyun configure --mode CloudSSO` stores in a profile. */
export interface FromCloudSsoOptions extends CredentialSourceOptions {
  /** `cloud_sso_sign_in_url`, e.g. `https://signin-<dir>.alibabacloudsso.com/device/login`. */
  readonly signInUrl: string;
  /** `cloud_sso_account_id`. */
  readonly accountId: string;
  /** `cloud_sso_access_config`: the access configuration id. */
  readonly accessConfig: string;
  /** `access_token`, from the CLI's browser sign-in. */
  readonly accessToken: string;
  /** `cloud_sso_access_token_expire`: when the access token stops working, in epoch seconds. */
  readonly accessTokenExpire: number;
  /** Names this source in errors and events; default `cloud sso`. */
  readonly label?: string | undefined;
}

/**
 * STS credentials for a CloudSSO access configuration: `POST <sign-in origin>/cloud-credentials` with the
 * CLI's access token as a bearer token and `{ AccountId, AccessConfigurationId }`, answered with
 * `{ CloudCredential: { AccessKeyId, AccessKeySecret, SecurityToken, Expiration } }`. Cached and refreshed
 * before expiry while the access token lasts; once it has expired the error says to sign in again.
 */
export function fromCloudSso(options: FromCloudSsoOptions): CredentialProvider {
  return refreshingSource(options, "cloud sso", (label) => fetchCloudCredential(options, label));
}

async function fetchCloudCredential(options: FromCloudSsoOptions, source: string): Promise<Credentials> {
  const now = (options.now ?? Date.now)();
  if (!(options.accessTokenExpire * 1000 > now)) {
    throw sourceBroken(source, "the CloudSSO access token has expired; sign in again with `aliyun configure --mode CloudSSO`");
  }
  const signIn = parseServiceUrl(options.signInUrl);
  if (!signIn) throw sourceBroken(source, "cloud_sso_sign_in_url is not an http(s) URL");
  const where = `${signIn.protocol}//${signIn.host}/cloud-credentials`;
  const response = await sendCredentialRequest(
    {
      method: "POST",
      protocol: signIn.protocol,
      host: signIn.host,
      path: "/cloud-credentials",
      headers: { accept: "application/json", "content-type": "application/json", authorization: `Bearer ${options.accessToken}` },
      body: JSON.stringify({ AccountId: options.accountId, AccessConfigurationId: options.accessConfig }),
    },
    { connectTimeoutMs: 5_000, readTimeoutMs: 10_000 },
    options.transport,
  );
  if (response.kind === "unreachable") throw sourceBroken(source, `${where} ${response.reason}`);
  if (response.status !== 200) throw sourceBroken(source, `${where}: HTTP ${response.status}`);
  const inner = parseJsonObject(response.body, source, where)["CloudCredential"];
  if (typeof inner !== "object" || inner === null) throw sourceBroken(source, `${where}: response has no CloudCredential`);
  return temporaryCredentialsFrom(inner as Record<string, unknown>, source, where);
}
