import type { Transport } from "../../transport/types.js";
import type { Env } from "../envVar.js";
import { sourceBroken } from "../sourceErrors.js";
import type { Credentials } from "../types.js";
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

/** Minimum STS session, in seconds (the official client checks it too). */
export const MIN_DURATION_SECONDS = 900;
const DEFAULT_DURATION_SECONDS = 3600;

/** What one role session request needs besides its action-specific parameters. */
export interface RoleSessionCall {
  readonly action: StsCall["action"];
  readonly roleArn: string;
  readonly settings: RoleSessionSettings;
  /** Parameters only this action has (ExternalId; OIDCProviderArn and OIDCToken). */
  readonly extraParams: readonly (readonly [string, string])[];
  readonly credentials: Credentials | undefined;
  readonly sts: StsOptions;
  readonly env: Env;
  readonly transport: Transport | undefined;
  readonly now: () => number;
  readonly source: string;
}

/**
 * Validates the settings and calls STS. Bad settings are "broken" errors naming the field, sent before any
 * request: a session shorter than 900 s, an empty role ARN, an STS endpoint that is not a host.
 */
export async function requestRoleSession(call: RoleSessionCall): Promise<Credentials> {
  const { settings, source } = call;
  if (call.roleArn.trim() === "") throw sourceBroken(source, "roleArn is empty");
  const duration = settings.durationSeconds ?? DEFAULT_DURATION_SECONDS;
  if (!Number.isInteger(duration) || duration < MIN_DURATION_SECONDS) {
    throw sourceBroken(source, `durationSeconds must be an integer of at least ${MIN_DURATION_SECONDS} (got ${String(duration)})`);
  }
  const endpoint = resolveStsEndpoint(call.sts, call.env);
  if ("invalid" in endpoint) throw sourceBroken(source, endpoint.invalid);
  const params: (readonly [string, string])[] = [
    ["RoleArn", call.roleArn],
    ["RoleSessionName", settings.roleSessionName ?? `acs-modular-${call.now()}`],
    ["DurationSeconds", String(duration)],
    ...call.extraParams,
  ];
  if (settings.policy) params.push(["Policy", settings.policy]);
  return callSts({
    action: call.action,
    params,
    credentials: call.credentials,
    endpoint,
    timeouts: { connectTimeoutMs: call.sts.connectTimeoutMs ?? 5_000, readTimeoutMs: call.sts.readTimeoutMs ?? 10_000 },
    transport: call.transport,
    now: call.now,
    source,
  });
}
