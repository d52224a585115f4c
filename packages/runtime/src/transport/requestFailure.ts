import type * as http from "node:http";
import { MalformedResponseError } from "../errors/MalformedResponseError.js";
import { NetworkError } from "../errors/NetworkError.js";

/** What a failure needs of the response head, when one arrived. */
export type ReceivedHead = Pick<http.IncomingMessage, "statusCode" | "headers">;

/**
 * The error for a request that failed after the server may have answered. Once the response head arrived,
 * a failure is the server's answer going wrong, so it keeps the status and request id already received: a
 * connection reset mid-body is `truncated` (as a clean close there is), and an HTTP parse error (`HPE_*`, an
 * invalid chunk size, say) is `bad-framing`, before or after the head.
 */
export function requestFailure(err: NodeJS.ErrnoException, response: ReceivedHead | undefined): Error {
  const framing = typeof err.code === "string" && err.code.startsWith("HPE_");
  if (response === undefined && !framing) return new NetworkError(`Request failed: ${err.code ?? err.message}`, err.code, { cause: err });
  const status = response?.statusCode ?? 0;
  const requestId = requestIdOf(response);
  return framing
    ? new MalformedResponseError("bad-framing", status, requestId, `invalid HTTP framing (${err.code})`)
    : new MalformedResponseError("truncated", status, requestId, `connection ${err.code ?? "failed"} mid-body`);
}

/** The `x-acs-request-id` of a response, when it has one. */
export function requestIdOf(response: ReceivedHead | undefined): string | undefined {
  const id = response?.headers["x-acs-request-id"];
  return typeof id === "string" ? id : undefined;
}
