import { MAX_TIMER_MS } from "../validate/validateOptions.js";

/**
 * Default bound on one attempt, connect to last body byte: 60 s. The read timeout is an idle timer, so a
 * server that trickles its headers or body (one byte a second) never trips it; this bound ends such an attempt.
 * Alibaba's official client bounds the whole response by its read timeout (10 s by default); 60 s leaves
 * slow but progressing answers (large pages, binary downloads on a slow link) room to finish.
 */
export const DEFAULT_ATTEMPT_TIMEOUT_MS = 60_000;

/**
 * The per-attempt bound a call runs with: the one given (per call, else the client's), or by default 60 s
 * or connect + read timeout when those add up to more, so that raising the read timeout for a slow
 * operation is never silently undercut by the attempt bound.
 */
export function attemptTimeout(given: number | undefined, connectTimeoutMs: number, readTimeoutMs: number): number {
  return given ?? Math.min(MAX_TIMER_MS, Math.max(DEFAULT_ATTEMPT_TIMEOUT_MS, connectTimeoutMs + readTimeoutMs));
}
