import { sourceBroken } from "../sourceErrors.js";
import { type CredentialSourceOptions, refreshingSource } from "../sourceOptions.js";
import type { CredentialProvider, Credentials } from "../types.js";
import { callSts, type StsCall } from "./callSts.js";
import { resolveStsEndpoint, type StsOptions } from "./stsEndpoint.js";

/** Settings common to AssumeRole and AssumeRoleWithOIDC. */
export interface RoleSessionSettings {
  /** Names the session in the role's audit trail; default `acs-modular-<epoch ms>`. */
  readonly roleSessionName?: string | undefined;
  /** Lifetime of the credentials, 900 s up to the role's maximum; default 3600. */
  readonly durationSeconds?: number | undefined;
  /** An extra policy narrowing what the session may do (JSON text). */
  readonly policy?: string | undefined;
}

/** Options common to the role providers ({@link fromRamRoleArn}, {@link fromOidcRoleArn}). */
export interface RoleProviderOptions extends CredentialSourceOptions, RoleSessionSettings {
  /** `acs:ram::<account>:role/<name>`. */
  readonly roleArn: string;
  /** Where STS is reached; see {@link StsOptions}. */
  readonly sts?: StsOptions | undefined;
  /** Names this source in errors and events. */
  readonly label?: string | undefined;
}

/** What each refresh adds to a role session request. */
export interface RoleSessionInputs {
  /** Credentials that sign the request; `undefined` sends it anonymously. */
  readonly credentials: Credentials | undefined;
  /** Parameters only this action has (ExternalId; OIDCProviderArn and OIDCToken). */
  readonly extraParams: readonly (readonly [string, string])[];
}

/** Minimum STS session, in seconds (the official client checks it too). */
export const MIN_DURATION_SECONDS = 900;
const DEFAULT_DURATION_SECONDS = 3600;

/**
 * A cached, refreshing provider of role sessions: on every refresh the settings are checked, `prepare`
 * supplies the signing credentials and the action's own parameters, and STS is called. Bad settings are
 * "broken" errors naming the field, raised before `prepare` or any request: a session shorter than 900 s, an
 * empty role ARN, an STS endpoint that is not a host.
 */
export function roleSessionProvider(
  options: RoleProviderOptions,
  action: StsCall["action"],
  defaultLabel: string,
  prepare: (label: string) => Promise<RoleSessionInputs>,
): CredentialProvider {
  const now = options.now ?? Date.now;
  return refreshingSource(options, defaultLabel, async (source) => {
    if (options.roleArn.trim() === "") throw sourceBroken(source, "roleArn is empty");
    const duration = options.durationSeconds ?? DEFAULT_DURATION_SECONDS;
    if (!Number.isInteger(duration) || duration < MIN_DURATION_SECONDS) {
      throw sourceBroken(source, `durationSeconds must be an integer of at least ${MIN_DURATION_SECONDS} (got ${String(duration)})`);
    }
    const sts = options.sts ?? {};
    const endpoint = resolveStsEndpoint(sts, options.env ?? process.env);
    if ("invalid" in endpoint) throw sourceBroken(source, endpoint.invalid);
    const inputs = await prepare(source);
    const params: (readonly [string, string])[] = [
      ["RoleArn", options.roleArn],
      ["RoleSessionName", options.roleSessionName ?? `acs-modular-${now()}`],
      ["DurationSeconds", String(duration)],
      ...inputs.extraParams,
    ];
    if (options.policy) params.push(["Policy", options.policy]);
    return callSts({
      action,
      params,
      credentials: inputs.credentials,
      endpoint,
      timeouts: { connectTimeoutMs: sts.connectTimeoutMs ?? 5_000, readTimeoutMs: sts.readTimeoutMs ?? 10_000 },
      transport: options.transport,
      now,
      source,
    });
  });
}
