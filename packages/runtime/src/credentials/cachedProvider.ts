import { CredentialsError } from "../errors/CredentialsError.js";
import { type CredentialsEventHook, emitCredentialsEvent } from "./events.js";
import { foreignErrorName } from "./foreignError.js";
import { nextRefreshAt, retryDelayAfterFailure } from "./refreshSchedule.js";
import type { CredentialProvider, Credentials } from "./types.js";

/** Options for {@link cachedProvider}. */
export interface CachedProviderOptions {
  /** Refresh this long before `expiration`; default 3 minutes, so requests never sign with nearly-dead keys. */
  readonly refreshMarginMs?: number;
  /** Clock in epoch milliseconds; injectable for tests. Defaults to `Date.now`. */
  readonly now?: () => number;
  /** Receives `credentials-refreshed` and `credentials-refresh-failed` events. */
  readonly onEvent?: CredentialsEventHook | undefined;
  /** Names the source in events, e.g. `ecs ram role`. Default `credentials`. */
  readonly source?: string;
}

/** Default for {@link CachedProviderOptions.refreshMarginMs}. */
export const DEFAULT_REFRESH_MARGIN_MS = 3 * 60 * 1000;

/**
 * Caches the credentials of `provider` and refreshes them before they expire, without ever storming it.
 * Credentials without `expiration` are kept for good.
 *
 * - A refresh is due `refreshMarginMs` before expiry, but never sooner than half the credentials' lifetime
 *   after they arrived (see `refreshSchedule.ts`): credentials shorter-lived than the margin are refreshed
 *   at half-life, not on every call.
 * - While the cached credentials are still valid, a due refresh runs in the background: callers get the
 *   cached credentials at once. Only a first fetch, or credentials that have actually expired, make callers
 *   wait. Either way, concurrent callers share one in-flight call to `provider`: 1,000 calls at expiry cost
 *   one metadata/STS round trip.
 * - A failed refresh while the cached credentials are still valid keeps serving them, emits a
 *   `credentials-refresh-failed` event, and waits before trying again (half the remaining time, 1 s–1 min).
 *   A failure with nothing valid to serve is thrown, and not remembered: the next call tries again.
 */
export function cachedProvider(provider: CredentialProvider, options: CachedProviderOptions = {}): CredentialProvider {
  const margin = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
  const now = options.now ?? Date.now;
  const source = options.source ?? "credentials";
  let cached: Credentials | undefined;
  let refreshAt = Number.POSITIVE_INFINITY;
  let inFlight: Promise<Credentials> | undefined;

  const fetchFresh = async (background: boolean): Promise<Credentials> => {
    try {
      const fresh = await provider.getCredentials();
      cached = fresh;
      refreshAt = fresh.expiration ? nextRefreshAt(now(), fresh.expiration.getTime(), margin) : Number.POSITIVE_INFINITY;
      emitCredentialsEvent(options.onEvent, { type: "credentials-refreshed", source, expiration: fresh.expiration?.toISOString(), background });
      return fresh;
    } catch (error) {
      const stale = cached;
      const at = now();
      if (!stale?.expiration || at >= stale.expiration.getTime()) throw error;
      const retryInMs = retryDelayAfterFailure(at, stale.expiration.getTime());
      refreshAt = at + retryInMs;
      emitCredentialsEvent(options.onEvent, {
        type: "credentials-refresh-failed",
        source,
        reason: describeFailure(error),
        expiration: stale.expiration.toISOString(),
        retryInMs,
      });
      return stale;
    }
  };

  // Cleared in a `.finally` callback, which always runs after this assignment, even when the wrapped
  // provider throws synchronously; clearing inside `fetchFresh` could run first and pin a settled promise.
  const refresh = (background: boolean): Promise<Credentials> =>
    (inFlight ??= fetchFresh(background).finally(() => {
      inFlight = undefined;
    }));

  return {
    getCredentials() {
      const current = cached;
      if (current && !current.expiration) return Promise.resolve(current);
      if (current?.expiration) {
        const at = now();
        if (at < current.expiration.getTime()) {
          // Still valid: serve it, starting a background refresh when one is due. Its failure is handled
          // inside (the stale credentials are served); the catch only keeps an impossible rejection quiet.
          if (at >= refreshAt && !inFlight) refresh(true).catch(() => undefined);
          return Promise.resolve(current);
        }
      }
      return refresh(false);
    },
  };
}

// Our CredentialsError messages are built from names, paths and statuses only; anything else shows its class.
function describeFailure(error: unknown): string {
  return error instanceof CredentialsError ? error.message : `upstream failed (${foreignErrorName(error)})`;
}
