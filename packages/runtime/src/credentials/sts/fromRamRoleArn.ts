import { cachedProvider } from "../cachedProvider.js";
import { cacheOptions, type CredentialSourceOptions } from "../sourceOptions.js";
import type { CredentialProvider } from "../types.js";
import { requestRoleSession, type RoleSessionSettings } from "./roleSession.js";
import type { StsOptions } from "./stsEndpoint.js";

/** Options for {@link fromRamRoleArn}. */
export interface FromRamRoleArnOptions extends CredentialSourceOptions, RoleSessionSettings {
  /**
   * Credentials that assume the role: long-lived keys (`fromStatic`), or another source's temporary
   * credentials — an ECS role, an OIDC role, another assumed role — for chained roles.
   */
  readonly source: CredentialProvider;
  /** `acs:ram::<account>:role/<name>`. */
  readonly roleArn: string;
  /** Required by roles whose trust policy names an external id. */
  readonly externalId?: string | undefined;
  /** Where STS is reached; see {@link StsOptions}. */
  readonly sts?: StsOptions | undefined;
  /** Names this source in errors and events; default `ram role arn`. */
  readonly label?: string | undefined;
}

/**
 * Temporary credentials of a RAM role, from STS `AssumeRole` signed with `source`'s credentials.
 * Cached and refreshed before expiry by {@link cachedProvider}; each refresh asks `source` again, so a
 * chained role keeps working when the credentials under it rotate.
 *
 * Failures (STS refusing, unreachable, a session under 900 s) reject with a {@link CredentialsError}; a
 * failure of `source` is passed on as it is.
 *
 * @example fromRamRoleArn({ source: fromEnv(), roleArn: "acs:ram::123:role/deployer", sts: { region: "cn-hangzhou" } })
 */
export function fromRamRoleArn(options: FromRamRoleArnOptions): CredentialProvider {
  const label = options.label ?? "ram role arn";
  const now = options.now ?? Date.now;
  const upstream: CredentialProvider = {
    async getCredentials() {
      const credentials = await options.source.getCredentials();
      return requestRoleSession({
        action: "AssumeRole",
        roleArn: options.roleArn,
        settings: options,
        extraParams: options.externalId ? [["ExternalId", options.externalId]] : [],
        credentials,
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

