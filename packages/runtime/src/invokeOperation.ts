import { randomUUID } from "node:crypto";
import { checkMaxAttempts, type AcsClient, type CallOptions } from "./client.js";
import { decodeResponse } from "./decodeResponse.js";
import { AbortError } from "./errors/AbortError.js";
import { AcsError } from "./errors/AcsError.js";
import { resolveEndpoint } from "./endpoint/resolveEndpoint.js";
import { emitEvent } from "./hooks/emitEvent.js";
import type { OperationDescriptor } from "./operation.js";
import { abortableSleep } from "./retry/abortableSleep.js";
import { callDeadline } from "./retry/callDeadline.js";
import { retryDelay, shouldRetry } from "./retry/retryPolicy.js";
import { prepareRequest } from "./serialize/prepareRequest.js";
import { acsRequestHeaders, formatAcsDate, signRequestV3 } from "./sign/signRequestV3.js";
import type { HttpResponse } from "./transport/types.js";
import { validateInput } from "./validate/validateInput.js";

/**
 * Fills the operation's idempotency token with a UUID when the caller gave none. Done once per logical
 * call, before the first attempt, so every retry carries the same token and a write can never act twice.
 */
function withIdempotencyToken(op: OperationDescriptor, input: Record<string, unknown>): Record<string, unknown> {
  const name = op.idempotencyToken;
  if (name === undefined || input[name] !== undefined) return input;
  return { ...input, [name]: randomUUID() };
}

/**
 * Runs one API call: validates the input (nothing is sent when it is wrong), serializes and signs the
 * request, sends it with retries, and decodes the answer. Generated operation functions call this with
 * their descriptor; it resolves to the decoded body (a JSON object unless the descriptor's `response` says
 * otherwise) or rejects with an {@link AcsError}.
 */
export async function invokeOperation(client: AcsClient, op: OperationDescriptor, input: object, options: CallOptions = {}): Promise<unknown> {
  const config = client.config;
  checkMaxAttempts(options.maxAttempts);
  validateInput(op, input);
  const endpoint = resolveEndpoint(op.action, op.endpoints, {
    region: config.region,
    endpoint: config.endpoint,
    endpointType: config.endpointType,
    protocol: config.protocol,
  });

  const params = withIdempotencyToken(op, input as Record<string, unknown>);
  // Reads can always be repeated; a write only when a token (the caller's or ours) makes repeats harmless.
  const idempotent = op.access !== "write" || op.idempotencyToken !== undefined;

  const prepared = prepareRequest(op, params, config.userAgent);
  const host = prepared.hostPrefix + endpoint.host;
  const { method, pathname, path, query, body } = prepared;
  const signable = { method, host, pathname, query, headers: prepared.headers, body };
  const responseBody = op.response === "binary" ? "bytes" : "text";

  const maxAttempts = options.maxAttempts ?? config.retry.maxAttempts;
  const deadline = callDeadline(options.signal, options.timeoutMs);
  const signal = deadline.signal;
  const started = Date.now();
  const hook = config.onEvent;
  const names = { product: op.product, action: op.action };
  if (hook) emitEvent(hook, { type: "request-start", ...names, host });
  let attempt = 0;
  try {
    for (;;) {
      attempt++;
      if (signal?.aborted) throw deadline.explain(new AbortError(signal.reason));
      const attemptStarted = Date.now();
      if (hook) emitEvent(hook, { type: "attempt-start", ...names, attempt, host });
      let response: HttpResponse | undefined;
      try {
        const signing = { date: formatAcsDate(config.now()), nonce: config.nonce() };
        // Anonymous operations need no credentials: none are looked up, nothing is signed.
        const headers =
          op.auth === "Anonymous" ? acsRequestHeaders(signable, signing) : signRequestV3(signable, await config.credentials.getCredentials(), signing).headers;
        response = await config.transport(
          { method, protocol: endpoint.protocol, host, path, headers, body },
          {
            connectTimeoutMs: options.connectTimeoutMs ?? config.connectTimeoutMs,
            readTimeoutMs: options.readTimeoutMs ?? config.readTimeoutMs,
            maxResponseBytes: config.maxResponseBytes,
            responseBody,
            signal,
            call: { product: op.product, apiVersion: op.version, action: op.action, input: params },
          },
        );
        const result = decodeResponse(response, op);
        const bodyRequestId = (result as { RequestId?: unknown }).RequestId;
        const requestId = typeof bodyRequestId === "string" ? bodyRequestId : response.headers["x-acs-request-id"];
        if (hook) emitEvent(hook, { type: "attempt-end", ...names, attempt, host, durationMs: Date.now() - attemptStarted, httpStatus: response.status, requestId });
        if (hook) emitEvent(hook, { type: "request-end", ...names, attempts: attempt, durationMs: Date.now() - started, ok: true, requestId });
        return result;
      } catch (caught) {
        const error = deadline.explain(caught);
        const code = error instanceof AcsError ? error.code : "UnknownError";
        const requestId = error instanceof AcsError ? (error as { requestId?: string }).requestId : undefined;
        const delay =
          attempt < maxAttempts && shouldRetry(error, idempotent) ? retryDelay(attempt, response?.headers["retry-after"], config.retry) : undefined;
        if (hook) emitEvent(hook, { type: "attempt-end", ...names, attempt, host, durationMs: Date.now() - attemptStarted, httpStatus: response?.status, requestId, errorCode: code, retryInMs: delay });
        if (delay === undefined) throw error;
        await abortableSleep(delay, signal).catch((e: unknown) => {
          throw deadline.explain(e);
        });
      }
    }
  } catch (error) {
    // Reached once per failed call, whether the last attempt failed or the wait before the next was cancelled.
    const code = error instanceof AcsError ? error.code : "UnknownError";
    const requestId = error instanceof AcsError ? (error as { requestId?: string }).requestId : undefined;
    if (hook) emitEvent(hook, { type: "request-end", ...names, attempts: attempt, durationMs: Date.now() - started, ok: false, requestId, errorCode: code });
    throw error;
  } finally {
    deadline.dispose();
  }
}
