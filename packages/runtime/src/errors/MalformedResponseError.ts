import { AcsError } from "./AcsError.js";

/** Why a response could not be decoded. */
export type MalformedReason = "empty" | "html" | "not-json" | "truncated" | "bad-framing" | "too-large" | "not-an-object" | "no-error-code";

/**
 * The service (or something in between, like a proxy) answered with a body we cannot decode: an HTML page,
 * an empty, cut or oversized body, a body whose HTTP framing is broken (`bad-framing`: an invalid chunk size,
 * say), JSON that is not an object, or an error status whose body has no `Code`.
 * Keeps the HTTP status and the request id (from the `x-acs-request-id` header when the body has none).
 */
export class MalformedResponseError extends AcsError {
  readonly code = "MalformedResponse";
  readonly reason: MalformedReason;
  readonly httpStatus: number;
  readonly requestId: string | undefined;
  override readonly retryable: boolean;

  constructor(reason: MalformedReason, httpStatus: number, requestId: string | undefined, detail?: string) {
    const rid = requestId ? `, RequestId: ${requestId}` : "";
    super(`Malformed response (${reason}, HTTP ${httpStatus}${rid})${detail ? `: ${detail}` : ""}`);
    this.reason = reason;
    this.httpStatus = httpStatus;
    this.requestId = requestId;
    // A gateway's HTML error page on 5xx or 429, or a cut connection, is worth another try; broken framing
    // on a 2xx–4xx is the server's bug and would break the same way again.
    this.retryable = httpStatus >= 500 || httpStatus === 429 || reason === "truncated";
  }
}
