import { AcsError } from "./AcsError.js";

/** A connect or read timeout fired. */
export class TimeoutError extends AcsError {
  readonly code = "TimeoutError";
  readonly phase: "connect" | "read";
  readonly timeoutMs: number;
  override readonly retryable = true;

  constructor(phase: "connect" | "read", timeoutMs: number) {
    super(`${phase} timeout after ${timeoutMs} ms`);
    this.phase = phase;
    this.timeoutMs = timeoutMs;
  }
}
