import type { CredentialProvider, Credentials } from "./types.js";

/** Options for {@link cachedProvider}. */
export interface CachedProviderOptions {
  /** Refresh this long before `expiration`; default 3 minutes, so requests never sign with nearly-dead keys. */
  readonly refreshMarginMs?: number;
  /** Clock in epoch milliseconds; injectable for tests. Defaults to `Date.now`. */
  readonly now?: () => number;
}

/** Default for {@link CachedProviderOptions.refreshMarginMs}. */
export const DEFAULT_REFRESH_MARGIN_MS = 3 * 60 * 1000;

/**
 * Caches the credentials of `provider` until they come within `refreshMarginMs` of their `expiration`
 * (credentials without `expiration` are kept for good).
 *
 * - Concurrent callers needing a refresh share one in-flight call to `provider`, so a burst of requests
 *   at start-up or at expiry costs one metadata/STS round trip.
 * - A failed refresh is not cached: the next call tries again. If the previous credentials have not
 *   actually expired yet (we were only inside the margin), they are returned instead of the error, so a
 *   brief outage of the upstream does not fail requests that could still be signed.
 */
export function cachedProvider(provider: CredentialProvider, options: CachedProviderOptions = {}): CredentialProvider {
  const margin = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
  const now = options.now ?? Date.now;
  let cached: Credentials | undefined;
  let inFlight: Promise<Credentials> | undefined;

  const refresh = async (): Promise<Credentials> => {
    try {
      cached = await provider.getCredentials();
      return cached;
    } catch (error) {
      const stale = cached;
      if (stale?.expiration && now() < stale.expiration.getTime()) return stale;
      throw error;
    }
  };

  return {
    getCredentials() {
      if (cached && (!cached.expiration || now() < cached.expiration.getTime() - margin)) {
        return Promise.resolve(cached);
      }
      // Cleared in a `.finally` callback, which always runs after this assignment, even when the wrapped
      // provider throws synchronously; clearing inside `refresh` could run first and pin a settled promise.
      inFlight ??= refresh().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
  };
}
