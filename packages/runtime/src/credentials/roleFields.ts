import { definedOnly } from "./definedOnly.js";
import { optionalFlag, optionalInteger, optionalString, type ProfileFields, requiredStrings } from "./profileFields.js";
import type { RoleSessionSettings } from "./sts/roleSession.js";
import type { StsOptions } from "./sts/stsEndpoint.js";

/** Which keys of a profile hold the settings of a role to assume (the CLI and the ini file name them differently). */
export interface RoleFieldNames {
  readonly roleArn: string;
  readonly sessionName: string;
  readonly duration: string;
}

/** The keys `aliyun configure` writes. */
export const CLI_ROLE_FIELDS: RoleFieldNames = { roleArn: "ram_role_arn", sessionName: "ram_session_name", duration: "expired_seconds" };
/** The keys of `~/.alibabacloud/credentials`. */
export const INI_ROLE_FIELDS: RoleFieldNames = { roleArn: "role_arn", sessionName: "role_session_name", duration: "duration_seconds" };

/** A role to assume, as a profile describes it. */
export interface RoleFields {
  readonly roleArn: string;
  readonly settings: RoleSessionSettings;
  readonly externalId: string | undefined;
  readonly sts: StsOptions;
}

/**
 * Reads the role ARN (required), session name, duration, `policy`, `external_id` and where STS is
 * (`sts_endpoint`, `sts_region`, `enable_vpc`). A profile that names its own endpoint or region replaces the
 * chain's STS location (keeping the chain's timeouts); otherwise the chain's settings apply.
 */
export function readRoleFields(fields: ProfileFields, names: RoleFieldNames, chainSts: StsOptions): RoleFields {
  const [roleArn] = requiredStrings(fields, [names.roleArn]) as [string];
  const own = definedOnly({
    endpoint: optionalString(fields, "sts_endpoint"),
    region: optionalString(fields, "sts_region"),
    vpc: optionalFlag(fields, "enable_vpc"),
  });
  const timeouts = definedOnly({ connectTimeoutMs: chainSts.connectTimeoutMs, readTimeoutMs: chainSts.readTimeoutMs });
  return {
    roleArn,
    settings: {
      roleSessionName: optionalString(fields, names.sessionName),
      durationSeconds: optionalInteger(fields, names.duration),
      policy: optionalString(fields, "policy"),
    },
    externalId: optionalString(fields, "external_id"),
    sts: own.endpoint !== undefined || own.region !== undefined ? { ...timeouts, ...own } : { ...chainSts, ...own },
  };
}
