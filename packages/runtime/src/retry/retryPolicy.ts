import { AcsError } from "../errors/AcsError.js";
import { MalformedResponseError } from "../errors/MalformedResponseError.js";
import { NetworkError } from "../errors/NetworkError.js";
import { ServiceError, isThrottlingCode } from "../errors/ServiceError.js";

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
 * certainly did not act: throttling answers and connections that were never made.
 */
export function shouldRetry(error: unknown, idempotent: boolean): boolean {
  if (!(error instanceof AcsError) || !error.retryable) return false;
  if (idempotent) return true;
  if (error instanceof ServiceError) return isThrottlingCode(error.code);
  if (error instanceof NetworkError) return error.neverSent;
  if (error instanceof MalformedResponseError) return false;
  return false;
}

/** Full-jitter exponential backoff: a uniform delay in [0, min(max, base·2^(attempt-1))]. */
export function backoffDelay(attempt: number, options: RetryOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Parses `Retry-After` (seconds or HTTP date) into ms, or undefined. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
