import type { Transport } from "../transport/types.js";
import type { Env } from "./envVar.js";
import { cachedProvider, type CachedProviderOptions } from "./cachedProvider.js";
import type { CredentialsEventHook } from "./events.js";
import type { CredentialProvider, Credentials } from "./types.js";

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

/**
 * A source of temporary credentials: `fetch` (given the source's label, for its errors) wrapped in
 * {@link cachedProvider} with the source's clock, refresh margin and event hook, and its label as the events'
 * `source`. `options.label` overrides `defaultLabel`.
 */
export function refreshingSource(
  options: CredentialSourceOptions & { readonly label?: string | undefined },
  defaultLabel: string,
  fetch: (label: string) => Promise<Credentials>,
): CredentialProvider {
  const label = options.label ?? defaultLabel;
  const cache: CachedProviderOptions = {
    source: label,
    onEvent: options.onEvent,
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.refreshMarginMs === undefined ? {} : { refreshMarginMs: options.refreshMarginMs }),
  };
  return cachedProvider({ getCredentials: () => fetch(label) }, cache);
}
