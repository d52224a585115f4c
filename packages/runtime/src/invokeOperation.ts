import { randomUUID } from "node:crypto";
import type { AcsClient, CallOptions } from "./client.js";
import { decodeResponse } from "./decodeResponse.js";
import { AbortError } from "./errors/AbortError.js";
import { AcsError } from "./errors/AcsError.js";
import { ServiceError } from "./errors/ServiceError.js";
import { resolveEndpoint } from "./endpoint/resolveEndpoint.js";
import type { OperationDescriptor } from "./operation.js";
import { backoffDelay, parseRetryAfter, shouldRetry } from "./retry/retryPolicy.js";
import { serializeParameters } from "./serialize/serializeParameters.js";
import { percentEncode, percentEncodePath } from "./sign/percentEncode.js";
import { formatAcsDate, signRequestV3 } from "./sign/signRequestV3.js";
import type { HttpResponse } from "./transport/types.js";
import { validateInput } from "./validate/validateInput.js";

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortError(signal.reason));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new AbortError(signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

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
  validateInput(op, input);
  const endpoint = resolveEndpoint(op.action, op.endpoints, {
    region: config.region,
    endpoint: config.endpoint,
    endpointType: config.endpointType,
    protocol: config.protocol,
  });

  let params = input as Record<string, unknown>;
  // One token per logical call, kept across attempts, so a retried write can never act twice.
  const tokenName = op.idempotencyToken;
  if (tokenName !== undefined && params[tokenName] === undefined) params = { ...params, [tokenName]: randomUUID() };
  const idempotent = op.access !== "write" || (tokenName !== undefined && params[tokenName] !== undefined);

  const wire = serializeParameters(op, params);
  const { pathname, path } = buildPath(op, wire.path, wire.query);
  const body = wire.body.length > 0 ? wire.body.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join("&") : undefined;
  const baseHeaders: Record<string, string> = {
    ...wire.headers,
    "x-acs-action": op.action,
    "x-acs-version": op.version,
    accept: "application/json",
    "user-agent": config.userAgent,
  };
  if (body !== undefined) baseHeaders["content-type"] = "application/x-www-form-urlencoded";

  const maxAttempts = options.maxAttempts ?? config.retry.maxAttempts;
  const started = Date.now();
  const emit = config.onEvent;
  for (let attempt = 1; ; attempt++) {
    if (options.signal?.aborted) throw new AbortError(options.signal.reason);
    const attemptStarted = Date.now();
    emit?.({ type: "attempt-start", product: op.product, action: op.action, attempt, host: endpoint.host });
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
          signal: options.signal,
        },
      );
      const result = decodeResponse(response, op.action);
      const requestId = typeof result.RequestId === "string" ? result.RequestId : undefined;
      emit?.({ type: "attempt-end", product: op.product, action: op.action, attempt, host: endpoint.host, durationMs: Date.now() - attemptStarted, httpStatus: response.status, requestId });
      emit?.({ type: "request-end", product: op.product, action: op.action, attempts: attempt, durationMs: Date.now() - started, ok: true, requestId });
      return result;
    } catch (error) {
      const code = error instanceof AcsError ? error.code : "UnknownError";
      const requestId = (error as { requestId?: string }).requestId;
      const retry = attempt < maxAttempts && shouldRetry(error, idempotent);
      let delay: number | undefined;
      if (retry) {
        const retryAfter = error instanceof ServiceError ? parseRetryAfter(response?.headers["retry-after"]) : undefined;
        delay = retryAfter !== undefined ? Math.min(retryAfter, config.retry.maxDelayMs) : backoffDelay(attempt, config.retry);
      }
      emit?.({ type: "attempt-end", product: op.product, action: op.action, attempt, host: endpoint.host, durationMs: Date.now() - attemptStarted, httpStatus: response?.status, requestId, errorCode: code, retryInMs: delay });
      if (delay === undefined) {
        emit?.({ type: "request-end", product: op.product, action: op.action, attempts: attempt, durationMs: Date.now() - started, ok: false, requestId, errorCode: code });
        throw error;
      }
      await sleep(delay, options.signal);
    }
  }
}
