import { cachedProvider } from "../cachedProvider.js";
import { readOptionalFile } from "../readOptionalFile.js";
import { sourceBroken } from "../sourceErrors.js";
import { cacheOptions, type CredentialSourceOptions } from "../sourceOptions.js";
import type { CredentialProvider } from "../types.js";
import { requestRoleSession, type RoleSessionSettings } from "./roleSession.js";
import type { StsOptions } from "./stsEndpoint.js";

/** Options for {@link fromOidcRoleArn}. */
export interface FromOidcRoleArnOptions extends CredentialSourceOptions, RoleSessionSettings {
  /** `acs:ram::<account>:role/<name>`. */
  readonly roleArn: string;
  /** `acs:ram::<account>:oidc-provider/<name>`. */
  readonly oidcProviderArn: string;
  /** File holding the OIDC token (on ACK with RRSA, the projected service-account token). Re-read on every refresh. */
  readonly oidcTokenFile: string;
  /** Where STS is reached; see {@link StsOptions}. */
  readonly sts?: StsOptions | undefined;
  /** Names this source in errors and events; default `oidc role arn`. */
  readonly label?: string | undefined;
}

/**
 * Temporary credentials of a RAM role, from STS `AssumeRoleWithOIDC`: the OIDC token in `oidcTokenFile`
 * is the proof, so the call is anonymous (no key signs it). This is how pods on ACK use RRSA.
 * Cached and refreshed before expiry; the token file is read again for every refresh, since the token rotates.
 *
 * Failures (token file missing or empty, STS refusing) reject with a {@link CredentialsError} that never
 * contains the token.
 */
export function fromOidcRoleArn(options: FromOidcRoleArnOptions): CredentialProvider {
  const label = options.label ?? "oidc role arn";
  const now = options.now ?? Date.now;
  const upstream: CredentialProvider = {
    async getCredentials() {
      const token = await readToken(options.oidcTokenFile, label);
      return requestRoleSession({
        action: "AssumeRoleWithOIDC",
        roleArn: options.roleArn,
        settings: options,
        extraParams: [
          ["OIDCProviderArn", options.oidcProviderArn],
          ["OIDCToken", token],
        ],
        credentials: undefined,
        sts: options.sts ?? {},
        env: options.env ?? process.env,
        transport: options.transport,
        now,
        source: label,
      });
    },
  };
  return cachedProvider(upstream, cacheOptions(options, label));
}

async function readToken(path: string, source: string): Promise<string> {
  const file = await readOptionalFile(path);
  if (file.kind === "missing") throw sourceBroken(source, `OIDC token file ${path} not found`);
  if (file.kind === "unreadable") throw sourceBroken(source, `OIDC token file ${path} cannot be read (${file.code})`);
  const token = file.text.trim();
  if (token === "") throw sourceBroken(source, `OIDC token file ${path} is empty`);
  return token;
}
