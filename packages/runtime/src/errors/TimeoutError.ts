import { AcsError } from "./AcsError.js";

/**
 * Which clock ran out: `connect` (TCP and TLS set-up; the request was never sent), `read` (silence while
 * waiting for or reading the response), `attempt` (one attempt as a whole, connect to last byte: a response
 * that trickles in without ever falling silent) or `total` (the call's whole deadline, retries included).
 */
export type TimeoutPhase = "connect" | "read" | "attempt" | "total";

/** A connect, read, attempt or whole-call timeout fired. */
export class TimeoutError extends AcsError {
  readonly code = "TimeoutError";
  readonly phase: TimeoutPhase;
  readonly timeoutMs: number;
  // A deadline that ran out has no time left for another attempt.
  override readonly retryable: boolean;

  constructor(phase: TimeoutPhase, timeoutMs: number) {
    super(phase === "total" ? `call deadline of ${timeoutMs} ms exceeded` : phase === "attempt" ? `attempt took longer than ${timeoutMs} ms` : `${phase} timeout after ${timeoutMs} ms`);
    this.phase = phase;
    this.timeoutMs = timeoutMs;
    this.retryable = phase !== "total";
  }
}
