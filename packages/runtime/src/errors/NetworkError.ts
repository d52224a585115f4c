import { AcsError } from "./AcsError.js";

/** The request could not be completed at the network level (DNS, refused, reset, TLS). */
export class NetworkError extends AcsError {
  readonly code = "NetworkError";
  /** System error code when known (`ECONNRESET`, `ECONNREFUSED`, ...). */
  readonly syscallCode: string | undefined;
  override readonly retryable = true;
  /** True when the request certainly never reached the server (connection refused, DNS failure). */
  readonly neverSent: boolean;

  constructor(message: string, syscallCode: string | undefined, options?: { cause?: unknown }) {
    super(message, options);
    this.syscallCode = syscallCode;
    this.neverSent = syscallCode === "ECONNREFUSED" || syscallCode === "ENOTFOUND" || syscallCode === "EAI_AGAIN";
  }
}
