import type { CredentialProvider } from "../types.js";
import { type RoleProviderOptions, roleSessionProvider } from "./roleSession.js";

/** Options for {@link fromRamRoleArn}. The label defaults to `ram role arn`. */
export interface FromRamRoleArnOptions extends RoleProviderOptions {
  /**
   * Credentials that assume the role: long-lived keys (`fromStatic`), or another source's temporary
   * credentials — an ECS role, an OIDC role, another assumed role — for chained roles.
   */
  readonly source: CredentialProvider;
  /** Required by roles whose trust policy names an external id. */
  readonly externalId?: string | undefined;
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
  return roleSessionProvider(options, "AssumeRole", "ram role arn", async () => ({
    credentials: await options.source.getCredentials(),
    extraParams: options.externalId ? [["ExternalId", options.externalId]] : [],
  }));
}
