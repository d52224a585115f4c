import { AcsError } from "../errors/AcsError.js";
import { MalformedResponseError } from "../errors/MalformedResponseError.js";
import { NetworkError } from "../errors/NetworkError.js";
import { ServiceError, isThrottlingCode } from "../errors/ServiceError.js";
import { TimeoutError } from "../errors/TimeoutError.js";

/** Backoff tuning of a client. */
export interface RetryOptions {
  /** Total attempts including the first; 1 disables retries. Default 3. */
  readonly maxAttempts: number;
  /** Base of the exponential backoff, in ms. Default 100. */
  readonly baseDelayMs: number;
  /** Cap on any one delay, in ms (also caps `Retry-After`). Default 20 000. */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 20_000 };

/**
 * Whether an error may be retried. `idempotent` says a repeat cannot act twice (a read, or a write whose
 * idempotency token is pinned across attempts). A non-idempotent write is retried only when the service
 * certainly did not act: a throttling answer below 500 or a 429 (the gateway refused it unprocessed),
 * connections that were never made, and connect timeouts (the request is written only once the connection,
 * TLS included, is up). Any 5xx may come from behind the gateway after the service acted, whatever its code
 * says (`503 ServiceUnavailable` included), and so may a reset, a read or attempt timeout: such a write is
 * not repeated.
 */
export function shouldRetry(error: unknown, idempotent: boolean): boolean {
  if (!(error instanceof AcsError) || !error.retryable) return false;
  if (idempotent) return true;
  if (error instanceof ServiceError) return error.httpStatus === 429 || (error.httpStatus < 500 && isThrottlingCode(error.code));
  if (error instanceof NetworkError) return error.neverSent;
  if (error instanceof TimeoutError) return error.phase === "connect";
  if (error instanceof MalformedResponseError) return error.httpStatus === 429;
  return false;
}

/** Full-jitter exponential backoff: a uniform delay in [0, min(max, base·2^(attempt-1))). */
export function backoffDelay(attempt: number, options: RetryOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Parses `Retry-After` (delay in seconds, or an HTTP date) into ms from `now`, or undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Only an HTTP date (it names a weekday or month); Date.parse alone would also accept "1.5" or "-3".
  if (!/[a-z]{3}/i.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * How long to wait before the next attempt: the server's `Retry-After` when it sent one (capped at
 * `maxDelayMs`, so a hostile or broken header cannot stall a call for hours), else full-jitter backoff.
 */
export function retryDelay(
  attempt: number,
  retryAfterHeader: string | undefined,
  options: RetryOptions,
  random: () => number = Math.random,
  now: number = Date.now(),
): number {
  const retryAfter = parseRetryAfter(retryAfterHeader, now);
  return retryAfter !== undefined ? Math.min(retryAfter, options.maxDelayMs) : backoffDelay(attempt, options, random);
}
