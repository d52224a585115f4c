import { definedOnly } from "./definedOnly.js";
import type { FromEcsRamRoleOptions } from "./fromEcsRamRole.js";
import type { CredentialSourceOptions } from "./sourceOptions.js";
import type { StsOptions } from "./sts/stsEndpoint.js";

/** Metadata service settings applied to every ECS RAM role source (the role name comes from each source). */
export type EcsSettings = Pick<FromEcsRamRoleOptions, "baseUrl" | "timeoutMs" | "disableImdsV1">;

/**
 * Options of a source whose profiles may describe other sources — a role to assume, an ECS role, a
 * credentials URI, a command — and so need their settings too.
 */
export interface ProfileSourceOptions extends CredentialSourceOptions {
  /** Where STS is for profiles that assume roles; a profile's own `sts_endpoint` / `sts_region` wins. */
  readonly sts?: StsOptions | undefined;
  /** Metadata service settings for profiles of ECS RAM role mode or type. */
  readonly ecs?: EcsSettings | undefined;
}

/** Just the {@link CredentialSourceOptions} of `options`, so they can be spread into another source's options. */
export function sharedSourceOptions(options: CredentialSourceOptions): CredentialSourceOptions {
  return definedOnly({
    env: options.env,
    transport: options.transport,
    now: options.now,
    refreshMarginMs: options.refreshMarginMs,
    onEvent: options.onEvent,
  });
}
