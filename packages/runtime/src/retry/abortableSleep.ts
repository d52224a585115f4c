import { AbortError } from "../errors/AbortError.js";

/**
 * Waits `ms`, or rejects with an {@link AbortError} as soon as `signal` fires, so cancelling a call also
 * cancels its wait between retries. `toError` turns the abort reason into the error to throw.
 */
export function abortableSleep(
  ms: number,
  signal: AbortSignal | undefined,
  toError: (reason: unknown) => Error = (reason) => new AbortError(reason),
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(toError(signal.reason));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(toError(signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
