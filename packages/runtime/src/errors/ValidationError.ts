import { AcsError } from "./AcsError.js";

/** The input was rejected on the client, before any network I/O: nothing was sent. */
export class ValidationError extends AcsError {
  readonly code = "ValidationError";
  /** Path of the offending field, e.g. `AutoRefreshs[0].RefreshPath`. */
  readonly field: string;
  /** Why the value was rejected, e.g. `is required`. */
  readonly reason: string;

  constructor(action: string, field: string, reason: string) {
    super(`${action}: ${field} ${reason}`);
    this.field = field;
    this.reason = reason;
  }
}
