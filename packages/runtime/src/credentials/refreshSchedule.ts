/**
 * When to refresh temporary credentials, as pure functions of the clock so the policy is tested on its own.
 *
 * The rule that prevents refresh storms: a refresh is due `margin` before expiry, but never sooner than half
 * the credentials' lifetime after they were fetched. With the default 3-minute margin, 1-hour credentials are
 * refreshed at minute 57; 60-second credentials (shorter than the margin itself) at second 30, instead of on
 * every call, which is what a plain "inside the margin → refresh" test does.
 */

/** Epoch ms at which credentials fetched at `fetchedAt` and expiring at `expiresAt` are due for a refresh. */
export function nextRefreshAt(fetchedAt: number, expiresAt: number, marginMs: number): number {
  return Math.max(expiresAt - marginMs, fetchedAt + (expiresAt - fetchedAt) / 2);
}

/** Shortest wait before another attempt after a refresh failed. */
export const MIN_RETRY_AFTER_FAILURE_MS = 1_000;
/** Longest wait before another attempt after a refresh failed (while the old credentials stay valid). */
export const MAX_RETRY_AFTER_FAILURE_MS = 60_000;

/**
 * How long to wait after a failed refresh while the credentials served meanwhile expire at `expiresAt`:
 * half the time they have left, kept between 1 s and 1 min. Halving gives a struggling upstream a few
 * spaced-out attempts before expiry, and the bounds keep a burst of calls from turning into a burst of
 * refreshes.
 */
export function retryDelayAfterFailure(now: number, expiresAt: number): number {
  const half = Math.floor((expiresAt - now) / 2);
  return Math.min(MAX_RETRY_AFTER_FAILURE_MS, Math.max(MIN_RETRY_AFTER_FAILURE_MS, half));
}
