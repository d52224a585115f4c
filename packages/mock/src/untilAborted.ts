import { AbortError } from "@acs-modular/runtime";

/**
 * Settles as `promise` does, or rejects with an `AbortError` as soon as `signal` fires, as the HTTP
 * transport does: a mocked answer that never settles still ends when the caller aborts or the call's
 * `timeoutMs` passes (the runtime turns the latter into a `TimeoutError`).
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) return Promise.reject(new AbortError(signal.reason));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new AbortError(signal.reason));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
