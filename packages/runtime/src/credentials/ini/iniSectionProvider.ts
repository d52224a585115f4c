import type { ProfileFields } from "../profileFields.js";
import {
  assumedRoleProvider,
  credentialsUriProvider,
  ecsRoleProvider,
  oidcRoleProvider,
  staticKeysProvider,
} from "../profileProviders.js";
import type { ProfileSourceOptions } from "../profileSourceOptions.js";
import { INI_ROLE_FIELDS } from "../roleFields.js";
import { sourceNotFound } from "../sourceErrors.js";
import type { CredentialProvider } from "../types.js";

/** Error source of the shared credentials file. */
export const INI_SOURCE = "ini file";

/** `type` values of `~/.alibabacloud/credentials` this runtime resolves. */
export const SUPPORTED_INI_TYPES = ["access_key", "sts", "ecs_ram_role", "ram_role_arn", "oidc_role_arn", "credentials_uri"] as const;

/**
 * Builds the provider an ini section describes, by its `type` (absent means `access_key`):
 *
 * | type              | keys                                                                               |
 * | ----------------- | ---------------------------------------------------------------------------------- |
 * | `access_key`      | `access_key_id`, `access_key_secret`                                               |
 * | `sts`             | the same and `security_token`                                                      |
 * | `ecs_ram_role`    | `role_name` (optional: discovered)                                                 |
 * | `ram_role_arn`    | `access_key_id`, `access_key_secret`, `role_arn`, optional `role_session_name`,    |
 * |                   | `duration_seconds`, `policy`, `external_id`, `sts_endpoint`, `sts_region`, `enable_vpc` |
 * | `oidc_role_arn`   | `role_arn`, `oidc_provider_arn`, `oidc_token_file_path`, the optional ones above   |
 * | `credentials_uri` | `credentials_uri` (else `ALIBABA_CLOUD_CREDENTIALS_URI`)                            |
 *
 * Key names are those of the official clients' ini readers. Any other type is "not found" (a chain moves on).
 */
export function iniSectionProvider(
  section: ReadonlyMap<string, string>,
  name: string,
  path: string,
  options: ProfileSourceOptions,
): CredentialProvider {
  const type = section.get("type") || "access_key";
  const where = `[${name}] in ${path}`;
  const fields: ProfileFields = { source: INI_SOURCE, where: `${where} (type ${type})`, get: (key) => section.get(key) };
  const label = `${INI_SOURCE} [${name}] (${type})`;
  switch (type) {
    case "access_key":
      return staticKeysProvider(fields);
    case "sts":
      return staticKeysProvider(fields, "security_token");
    case "ecs_ram_role":
      return ecsRoleProvider(fields, "role_name", options, label);
    case "ram_role_arn":
      return assumedRoleProvider(staticKeysProvider(fields), fields, INI_ROLE_FIELDS, options, label);
    case "oidc_role_arn":
      return oidcRoleProvider(fields, INI_ROLE_FIELDS, "oidc_token_file_path", options, label);
    case "credentials_uri":
      return credentialsUriProvider(fields, options, label);
    default: {
      const shown = /^[\w-]{1,40}$/.test(type) ? type : "(unrecognised)";
      throw sourceNotFound(INI_SOURCE, `${where} has unsupported type ${shown} (supported: ${SUPPORTED_INI_TYPES.join(", ")})`);
    }
  }
}
