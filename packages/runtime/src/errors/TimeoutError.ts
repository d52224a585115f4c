import { AcsError } from "./AcsError.js";

/**
 * Which clock ran out: `connect` (TCP and TLS set-up; the request was never sent), `read` (silence while
 * waiting for or reading the response) or `total` (the call's whole deadline, retries included).
 */
export type TimeoutPhase = "connect" | "read" | "total";

/** A connect, read or whole-call timeout fired. */
export class TimeoutError extends AcsError {
  readonly code = "TimeoutError";
  readonly phase: TimeoutPhase;
  readonly timeoutMs: number;
  // A deadline that ran out has no time left for another attempt.
  override readonly retryable: boolean;

  constructor(phase: TimeoutPhase, timeoutMs: number) {
    super(phase === "total" ? `call deadline of ${timeoutMs} ms exceeded` : `${phase} timeout after ${timeoutMs} ms`);
    this.phase = phase;
    this.timeoutMs = timeoutMs;
    this.retryable = phase !== "total";
  }
}
