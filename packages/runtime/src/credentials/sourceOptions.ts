import type { Transport } from "../transport/types.js";
import type { Env } from "./envVar.js";
import type { CachedProviderOptions } from "./cachedProvider.js";
import type { CredentialsEventHook } from "./events.js";

/**
 * Settings shared by every credential source that talks to a service (STS, ECS metadata, a credentials URI,
 * CloudSSO) or refreshes what it gets. Each is injectable so tests never touch the real machine or network.
 */
export interface CredentialSourceOptions {
  /** Environment to read; defaults to `process.env`. */
  readonly env?: Env;
  /**
   * Sends the source's HTTP requests; defaults to `nodeHttpTransport`. Deliberately not the client's
   * `transport`: a recording transport must never see STS or metadata responses, which carry secrets.
   */
  readonly transport?: Transport;
  /** Clock in epoch milliseconds for expiry and refresh decisions (and STS request dates); default `Date.now`. */
  readonly now?: () => number;
  /** Refresh temporary credentials this long before they expire; default 3 minutes. */
  readonly refreshMarginMs?: number;
  /** Receives refresh events (never a secret). */
  readonly onEvent?: CredentialsEventHook;
}

/** The {@link CachedProviderOptions} a source wraps its upstream with: its label, clock, margin and hook. */
export function cacheOptions(options: CredentialSourceOptions, source: string): CachedProviderOptions {
  return {
    source,
    onEvent: options.onEvent,
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.refreshMarginMs === undefined ? {} : { refreshMarginMs: options.refreshMarginMs }),
  };
}
