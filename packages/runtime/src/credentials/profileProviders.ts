// Builders for the sources a profile can describe, shared by the CLI config and the ini file, which name the
// same things with different keys (see roleFields.ts).
import { readEnv } from "./envVar.js";
import { fromCredentialsUri } from "./fromCredentialsUri.js";
import { fromEcsRamRole } from "./fromEcsRamRole.js";
import { optionalString, type ProfileFields, requiredStrings } from "./profileFields.js";
import { type ProfileSourceOptions, sharedSourceOptions } from "./profileSourceOptions.js";
import { readRoleFields, type RoleFieldNames } from "./roleFields.js";
import { fromStatic } from "./staticCredentials.js";
import { fromOidcRoleArn } from "./sts/fromOidcRoleArn.js";
import { fromRamRoleArn } from "./sts/fromRamRoleArn.js";
import type { CredentialProvider } from "./types.js";

/** Long-lived keys, plus an STS token when `tokenKey` names one (required then). */
export function staticKeysProvider(fields: ProfileFields, tokenKey?: string): CredentialProvider {
  const keys = ["access_key_id", "access_key_secret", ...(tokenKey ? [tokenKey] : [])];
  const [accessKeyId, accessKeySecret, securityToken] = requiredStrings(fields, keys) as [string, string, string | undefined];
  return fromStatic({ accessKeyId, accessKeySecret, securityToken });
}

/** A role assumed with `source`'s credentials (STS AssumeRole). */
export function assumedRoleProvider(
  source: CredentialProvider,
  fields: ProfileFields,
  names: RoleFieldNames,
  options: ProfileSourceOptions,
  label: string,
): CredentialProvider {
  const role = readRoleFields(fields, names, options.sts ?? {});
  return fromRamRoleArn({ ...sharedSourceOptions(options), ...role.settings, source, roleArn: role.roleArn, externalId: role.externalId, sts: role.sts, label });
}

/** A role assumed with an OIDC token (STS AssumeRoleWithOIDC); `tokenFileKey` differs between the CLI and the ini file. */
export function oidcRoleProvider(
  fields: ProfileFields,
  names: RoleFieldNames,
  tokenFileKey: string,
  options: ProfileSourceOptions,
  label: string,
): CredentialProvider {
  const [oidcProviderArn, oidcTokenFile] = requiredStrings(fields, ["oidc_provider_arn", tokenFileKey]) as [string, string];
  const role = readRoleFields(fields, names, options.sts ?? {});
  return fromOidcRoleArn({ ...sharedSourceOptions(options), ...role.settings, roleArn: role.roleArn, oidcProviderArn, oidcTokenFile, sts: role.sts, label });
}

/** The instance's RAM role, named by `roleKey` or discovered; the chain's metadata settings apply. */
export function ecsRoleProvider(fields: ProfileFields, roleKey: string, options: ProfileSourceOptions, label: string): CredentialProvider {
  return fromEcsRamRole({ ...sharedSourceOptions(options), ...options.ecs, roleName: optionalString(fields, roleKey), label });
}

/** Credentials from the URL in `credentials_uri`, else `ALIBABA_CLOUD_CREDENTIALS_URI` (as the CLI does). */
export function credentialsUriProvider(fields: ProfileFields, options: ProfileSourceOptions, label: string): CredentialProvider {
  const uri = optionalString(fields, "credentials_uri") ?? readEnv(options.env ?? process.env, "ALIBABA_CLOUD_CREDENTIALS_URI");
  if (uri === undefined) requiredStrings(fields, ["credentials_uri"]);
  return fromCredentialsUri({ ...sharedSourceOptions(options), uri: uri!, label });
}
