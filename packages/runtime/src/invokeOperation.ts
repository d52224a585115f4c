import type { AcsClient, CallOptions } from "./client.js";
import { decodeResponse } from "./decodeResponse.js";
import { AbortError } from "./errors/AbortError.js";
import { AcsError } from "./errors/AcsError.js";
import { resolveEndpoint } from "./endpoint/resolveEndpoint.js";
import { emitEvent } from "./hooks/emitEvent.js";
import { wireLog } from "./logging/wireLog.js";
import { randomUUID } from "./platform/randomUUID.js";
import type { OperationDescriptor } from "./operation.js";
import { abortableSleep } from "./retry/abortableSleep.js";
import { callDeadline } from "./retry/callDeadline.js";
import { retryDelay, shouldRetry } from "./retry/retryPolicy.js";
import { prepareRequest } from "./serialize/prepareRequest.js";
import { formatAcsDate } from "./sign/signRequestV3.js";
import { attemptHeaders } from "./sign/signRequestV3Async.js";
import { attemptTimeout } from "./transport/attemptTimeout.js";
import { type ProxiedTransportOptions, proxyFor } from "./transport/proxy/proxySettings.js";
import type { HttpRequest, HttpResponse } from "./transport/types.js";
import { validatedInput } from "./validate/validateInput.js";
import { validateOptions } from "./validate/validateOptions.js";

/**
 * Fills the operation's idempotency token with a UUID when the caller gave none. Done once per logical
 * call, before the first attempt, so every retry carries the same token and a write can never act twice.
 * `params` is the call's own snapshot of the input: the token is added to it, every other parameter kept.
 */
function fillIdempotencyToken(op: OperationDescriptor, params: Record<string, unknown>): void {
  const name = op.idempotencyToken;
  if (name !== undefined && params[name] === undefined) params[name] = randomUUID();
}

/**
 * Runs one API call: validates the input (nothing is sent when it is wrong), serializes and signs the
 * request, sends it with retries, and decodes the answer. Generated operation functions call this with
 * their descriptor; it resolves to the decoded body (a JSON object unless the descriptor's `response` says
 * otherwise) or rejects with an {@link AcsError}. Bad per-call options reject with a RangeError (or a
 * TypeError for `signal`) before any I/O.
 * @internal Called by generated operation functions; applications call those.
 */
export async function invokeOperation(client: AcsClient, op: OperationDescriptor, input: object, options: CallOptions = {}): Promise<unknown> {
  const config = client.config;
  // Each option read once, then all checked by the same function that checks the client's.
  const { signal: callerSignal, maxAttempts: callMaxAttempts, connectTimeoutMs, readTimeoutMs, attemptTimeoutMs, timeoutMs } = options ?? {};
  validateOptions({ signal: callerSignal, maxAttempts: callMaxAttempts, connectTimeoutMs, readTimeoutMs, attemptTimeoutMs, timeoutMs });
  // From here on the call reads only its own copy of the input: validated, then serialized and sent.
  const params = validatedInput(op, input);
  const endpoint = resolveEndpoint(op.action, op.endpoints, {
    region: config.region,
    endpoint: config.endpoint,
    endpointType: config.endpointType,
    protocol: config.protocol,
  });

  fillIdempotencyToken(op, params);
  // Reads can always be repeated; a write only when a token (the caller's or ours) makes repeats harmless.
  const idempotent = op.access !== "write" || op.idempotencyToken !== undefined;

  const prepared = prepareRequest(op, params, config.userAgent);
  const host = prepared.hostPrefix + endpoint.host;
  const { method, pathname, path, query, canonicalQuery, body } = prepared;
  const signable = { method, host, pathname, query, canonicalQuery, headers: prepared.headers, body };
  const responseBody = op.response === "binary" ? "bytes" : "text";

  const maxAttempts = callMaxAttempts ?? config.retry.maxAttempts;
  const connect = connectTimeoutMs ?? config.connectTimeoutMs;
  const read = readTimeoutMs ?? config.readTimeoutMs;
  const attemptMs = attemptTimeout(attemptTimeoutMs ?? config.attemptTimeoutMs, connect, read);
  // The debug lines of each request and response (redacted), when the client logs at debug.
  const wire = wireLog(config.logger, op, params);
  const via = wire && proxyFor(config.proxy, endpoint.protocol, host)?.label;
  // Created last before the try below, whose finally disposes of it (its timer must not outlive the call).
  const deadline = callDeadline(callerSignal, timeoutMs);
  const signal = deadline.signal;
  // One options object for every attempt (a spread per attempt showed in profiles).
  const transportOptions: ProxiedTransportOptions = {
    signal,
    proxy: config.proxy,
    connectTimeoutMs: connect,
    readTimeoutMs: read,
    attemptTimeoutMs: attemptMs,
    maxResponseBytes: config.maxResponseBytes,
    responseBody,
    call: { product: op.product, apiVersion: op.version, action: op.action, input: params },
  };
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
        const credentials = op.auth === "Anonymous" ? undefined : await config.credentials.getCredentials();
        const signed = attemptHeaders(signable, credentials, signing);
        const headers = signed instanceof Promise ? await signed : signed;
        const request: HttpRequest = { method, protocol: endpoint.protocol, host, path, headers, body };
        wire?.request(request, attempt, credentials, via);
        response = await config.transport(request, transportOptions);
        wire?.response(response, attempt, Date.now() - attemptStarted);
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
        // A response that failed mid-body never reached us, but its error kept the status it arrived with.
        const httpStatus = response?.status ?? (error instanceof AcsError ? (error as { httpStatus?: number }).httpStatus : undefined);
        const delay =
          attempt < maxAttempts && shouldRetry(error, idempotent) ? retryDelay(attempt, response?.headers["retry-after"], config.retry) : undefined;
        if (hook) emitEvent(hook, { type: "attempt-end", ...names, attempt, host, durationMs: Date.now() - attemptStarted, httpStatus, requestId, errorCode: code, retryInMs: delay });
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
