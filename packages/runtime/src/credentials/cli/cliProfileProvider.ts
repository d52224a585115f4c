import { isNonEmptyString } from "../buildCredentials.js";
import { readEnv } from "../envVar.js";
import { fromCloudSso } from "../fromCloudSso.js";
import { fromExternalProcess } from "../fromExternalProcess.js";
import { optionalInteger, optionalString, type ProfileFields, requiredStrings } from "../profileFields.js";
import {
  assumedRoleProvider,
  credentialsUriProvider,
  ecsRoleProvider,
  oidcRoleProvider,
  staticKeysProvider,
} from "../profileProviders.js";
import { type ProfileSourceOptions, sharedSourceOptions } from "../profileSourceOptions.js";
import { CLI_ROLE_FIELDS } from "../roleFields.js";
import { sourceBroken, sourceNotFound } from "../sourceErrors.js";
import type { CredentialProvider } from "../types.js";

/** Error source of the CLI config. */
export const CLI_SOURCE = "cli profile";

/** Modes of `aliyun configure` this runtime resolves, as the CLI names them. */
export const SUPPORTED_CLI_MODES = [
  "AK",
  "StsToken",
  "RamRoleArn",
  "EcsRamRole",
  "OIDC",
  "ChainableRamRoleArn",
  "CloudSSO",
  "External",
  "CredentialsURI",
] as const;

/** The aliyun CLI's switch that blocks `External` commands and `CredentialsURI` fetches. */
const DISABLE_EXTERNAL = "ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS";

/** Where a profile sits, for messages, and the profiles around it (for `source_profile`). */
export interface CliProfileScope {
  readonly profiles: readonly unknown[];
  readonly path: string;
  readonly options: ProfileSourceOptions;
}

/**
 * Builds the provider a CLI profile describes. `visiting` holds the profiles already on the way here through
 * `source_profile`, so a cycle is reported instead of recursing forever.
 *
 * Broken (a chain stops): a key the mode needs is missing, `source_profile` names a missing profile or loops,
 * External/CredentialsURI are disabled by `ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS`. Not found: a mode this
 * runtime does not resolve (OAuth, BearerToken, the deprecated RsaKeyPair and RamRoleArnWithRoleName).
 */
export function cliProfileProvider(profile: Record<string, unknown>, scope: CliProfileScope, visiting: readonly string[] = []): CredentialProvider {
  const name = String(profile["name"]);
  const rawMode = profile["mode"];
  // The CLI writes `mode` for every profile; very old configs may lack it, and those were AK profiles.
  const mode = isNonEmptyString(rawMode) ? rawMode : "AK";
  const at = `profile "${name}" in ${scope.path}`;
  const fields: ProfileFields = { source: CLI_SOURCE, where: `${at} (mode ${mode})`, get: (key) => profile[key] };
  const label = `${CLI_SOURCE} "${name}" (${mode})`;
  const { options } = scope;
  switch (mode) {
    case "AK":
      return staticKeysProvider(fields);
    case "StsToken":
      return staticKeysProvider(fields, "sts_token");
    case "RamRoleArn": {
      // The CLI lets a RamRoleArn profile hold an STS token for its own keys; the official Node client ignores it.
      const source = staticKeysProvider(fields, optionalString(fields, "sts_token") === undefined ? undefined : "sts_token");
      return assumedRoleProvider(source, fields, CLI_ROLE_FIELDS, options, label);
    }
    case "ChainableRamRoleArn":
      return assumedRoleProvider(sourceProfileProvider(fields, scope, [...visiting, name]), fields, CLI_ROLE_FIELDS, options, label);
    case "EcsRamRole":
      return ecsRoleProvider(fields, "ram_role_name", options, label);
    case "OIDC":
      return oidcRoleProvider(fields, CLI_ROLE_FIELDS, "oidc_token_file", options, label);
    case "CloudSSO": {
      const keys = ["cloud_sso_sign_in_url", "cloud_sso_account_id", "cloud_sso_access_config", "access_token"];
      const [signInUrl, accountId, accessConfig, accessToken] = requiredStrings(fields, keys) as [string, string, string, string];
      const accessTokenExpire = optionalInteger(fields, "cloud_sso_access_token_expire") ?? 0;
      return fromCloudSso({ ...sharedSourceOptions(options), signInUrl, accountId, accessConfig, accessToken, accessTokenExpire, label });
    }
    case "External": {
      refuseWhenDisabled(fields, options);
      const [command] = requiredStrings(fields, ["process_command"]) as [string];
      return fromExternalProcess({ ...sharedSourceOptions(options), command, label });
    }
    case "CredentialsURI":
      refuseWhenDisabled(fields, options);
      return credentialsUriProvider(fields, options, label);
    default: {
      const shown = /^[\w-]{1,40}$/.test(mode) ? mode : "(unrecognised)";
      throw sourceNotFound(CLI_SOURCE, `${at} uses unsupported mode ${shown} (supported: ${SUPPORTED_CLI_MODES.join(", ")})`);
    }
  }
}

/** The provider of the profile named by `source_profile` (ChainableRamRoleArn). */
function sourceProfileProvider(fields: ProfileFields, scope: CliProfileScope, visiting: readonly string[]): CredentialProvider {
  const [sourceName] = requiredStrings(fields, ["source_profile"]) as [string];
  if (visiting.includes(sourceName)) {
    throw sourceBroken(CLI_SOURCE, `${fields.where}: source_profile loops (${[...visiting, sourceName].map((n) => `"${n}"`).join(" → ")})`);
  }
  const source = findCliProfile(scope.profiles, sourceName);
  if (!source) throw sourceBroken(CLI_SOURCE, `${fields.where}: source_profile "${sourceName}" is not in ${scope.path}`);
  return cliProfileProvider(source, scope, visiting);
}

/** The profile named `name`, if the config has one. */
export function findCliProfile(profiles: readonly unknown[], name: string): Record<string, unknown> | undefined {
  return profiles.find((p): p is Record<string, unknown> => isRecord(p) && p["name"] === name);
}

function refuseWhenDisabled(fields: ProfileFields, options: ProfileSourceOptions): void {
  const value = readEnv(options.env ?? process.env, DISABLE_EXTERNAL)?.toLowerCase();
  if (value === "1" || value === "true") throw sourceBroken(CLI_SOURCE, `${fields.where} is disabled by ${DISABLE_EXTERNAL}`);
}

/** A JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
