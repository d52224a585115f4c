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
import { formEncode } from "./serialize/formEncode.js";
import { serializeParameters } from "./serialize/serializeParameters.js";
import { percentEncode, percentEncodePath } from "./sign/percentEncode.js";
import { formatAcsDate, signRequestV3 } from "./sign/signRequestV3.js";
import type { HttpResponse } from "./transport/types.js";
import { validateInput } from "./validate/validateInput.js";

/** The unencoded pathname (what the signer encodes) and the encoded path with query string (what is sent). */
function buildPath(
  op: OperationDescriptor,
  pathParams: Readonly<Record<string, string>>,
  query: readonly (readonly [string, string])[],
): { pathname: string; path: string } {
  const pathname = op.pathname.replace(/\{([^}]+)\}/g, (_, name: string) => pathParams[name] ?? "");
  let qs = "";
  for (const [k, v] of query) qs += (qs ? "&" : "") + percentEncode(k) + "=" + percentEncode(v);
  return { pathname, path: percentEncodePath(pathname) + (qs ? `?${qs}` : "") };
}

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
 * their descriptor; it resolves to the decoded JSON body or rejects with an {@link AcsError}.
 */
export async function invokeOperation(
  client: AcsClient,
  op: OperationDescriptor,
  input: object,
  options: CallOptions = {},
): Promise<Record<string, unknown>> {
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

  const wire = serializeParameters(op, params);
  const { pathname, path } = buildPath(op, wire.path, wire.query);
  const body = wire.body.length > 0 ? formEncode(wire.body) : undefined;
  const baseHeaders: Record<string, string> = {
    ...wire.headers,
    "x-acs-action": op.action,
    "x-acs-version": op.version,
    accept: "application/json",
    "user-agent": config.userAgent,
  };
  if (body !== undefined) baseHeaders["content-type"] = "application/x-www-form-urlencoded";

  const maxAttempts = options.maxAttempts ?? config.retry.maxAttempts;
  const deadline = callDeadline(options.signal, options.timeoutMs);
  const signal = deadline.signal;
  const started = Date.now();
  const hook = config.onEvent;
  const names = { product: op.product, action: op.action };
  if (hook) emitEvent(hook, { type: "request-start", ...names, host: endpoint.host });
  let attempt = 0;
  try {
    for (;;) {
      attempt++;
      if (signal?.aborted) throw deadline.explain(new AbortError(signal.reason));
      const attemptStarted = Date.now();
      if (hook) emitEvent(hook, { type: "attempt-start", ...names, attempt, host: endpoint.host });
      let response: HttpResponse | undefined;
      try {
        const credentials = await config.credentials.getCredentials();
        const signed = signRequestV3(
          { method: op.method, host: endpoint.host, pathname, query: wire.query, headers: baseHeaders, body },
          credentials,
          { date: formatAcsDate(config.now()), nonce: config.nonce() },
        );
        response = await config.transport(
          { method: op.method, protocol: endpoint.protocol, host: endpoint.host, path, headers: signed.headers, body },
          {
            connectTimeoutMs: options.connectTimeoutMs ?? config.connectTimeoutMs,
            readTimeoutMs: options.readTimeoutMs ?? config.readTimeoutMs,
            maxResponseBytes: config.maxResponseBytes,
            signal,
            call: { product: op.product, apiVersion: op.version, action: op.action, input: params },
          },
        );
        const result = decodeResponse(response, op.action);
        const requestId = typeof result.RequestId === "string" ? result.RequestId : response.headers["x-acs-request-id"];
        if (hook) emitEvent(hook, { type: "attempt-end", ...names, attempt, host: endpoint.host, durationMs: Date.now() - attemptStarted, httpStatus: response.status, requestId });
        if (hook) emitEvent(hook, { type: "request-end", ...names, attempts: attempt, durationMs: Date.now() - started, ok: true, requestId });
        return result;
      } catch (caught) {
        const error = deadline.explain(caught);
        const code = error instanceof AcsError ? error.code : "UnknownError";
        const requestId = error instanceof AcsError ? (error as { requestId?: string }).requestId : undefined;
        const delay =
          attempt < maxAttempts && shouldRetry(error, idempotent) ? retryDelay(attempt, response?.headers["retry-after"], config.retry) : undefined;
        if (hook) emitEvent(hook, { type: "attempt-end", ...names, attempt, host: endpoint.host, durationMs: Date.now() - attemptStarted, httpStatus: response?.status, requestId, errorCode: code, retryInMs: delay });
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
