import { AbortError } from "../errors/AbortError.js";
import { TimeoutError } from "../errors/TimeoutError.js";
import { checkOption } from "../validate/validateOptions.js";

/** The signal one call runs under: the caller's signal, plus the call's own deadline when it has one. */
export interface CallDeadline {
  /** Fires when the caller aborts or the deadline passes; `undefined` when neither can happen. */
  readonly signal: AbortSignal | undefined;
  /** Turns the AbortError caused by the deadline into a `total` TimeoutError; other errors pass unchanged. */
  explain(error: unknown): unknown;
  /** Stops the deadline timer and unhooks from the caller's signal. Call once the call has settled. */
  dispose(): void;
}

/**
 * Combines the caller's `signal` with a deadline of `timeoutMs` over the whole call (every attempt and
 * every wait between them), so one call cannot outlive its budget however many retries it makes.
 */
export function callDeadline(signal: AbortSignal | undefined, timeoutMs: number | undefined): CallDeadline {
  if (timeoutMs === undefined) return { signal, explain: (error) => error, dispose: () => undefined };
  checkOption("timeoutMs", timeoutMs);
  const controller = new AbortController();
  const deadline = new TimeoutError("total", timeoutMs);
  const onCallerAbort = (): void => controller.abort(signal?.reason);
  if (signal?.aborted) controller.abort(signal.reason);
  else signal?.addEventListener("abort", onCallerAbort, { once: true });
  const timer = setTimeout(() => controller.abort(deadline), timeoutMs);
  return {
    signal: controller.signal,
    explain: (error) => (error instanceof AbortError && controller.signal.reason === deadline ? deadline : error),
    dispose: () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onCallerAbort);
    },
  };
}
