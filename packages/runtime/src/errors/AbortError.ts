import { AcsError } from "./AcsError.js";

/** The caller's AbortSignal fired; the call was cancelled and is not retried. */
export class AbortError extends AcsError {
  readonly code = "AbortError";

  constructor(reason?: unknown) {
    super("The operation was aborted", { cause: reason });
  }
}
