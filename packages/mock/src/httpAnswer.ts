// The HTTP answers the mock's transport returns, shaped as Alibaba Cloud's gateway shapes them: JSON bodies,
// the request id in both the body and the `x-acs-request-id` header, and error bodies with
// Code / Message / RequestId / HostId / Recommend. The runtime decodes them exactly as it decodes real ones.
import { ServiceError, type HttpResponse } from "@acs-modular/runtime";
import type { ErrorAnswer } from "./errorAnswer.js";

/** Statuses of codes any operation can answer that are not client errors. */
const COMMON_ERROR_STATUS: Readonly<Record<string, number>> = {
  InternalError: 500,
  ServiceUnavailable: 503,
  ServiceUnavailableTemporary: 503,
};

/** What an answer needs to know about the request it answers. */
export interface AnswerContext {
  readonly product: string;
  /** The host the request was sent to; the default `HostId` of an error. */
  readonly host: string;
  /** The operation's documented error table, in any of the shapes `MockedOperationDescriptor.errors` allows. */
  readonly documentedErrors: unknown;
  /** The request id to use when the answer names none. */
  readonly requestId: string;
}

function jsonResponse(status: number, body: object, requestId: string): HttpResponse {
  return {
    status,
    headers: { "content-type": "application/json;charset=utf-8", "x-acs-request-id": requestId },
    body: JSON.stringify(body),
  };
}

/**
 * The status documented for `code`: the table's number, or the first of its numbers. `undefined` when the
 * table is absent, names no such code, or has another shape.
 */
export function documentedStatus(table: unknown, code: string): number | undefined {
  if (typeof table !== "object" || table === null || !Object.hasOwn(table, code)) return undefined;
  const entry: unknown = (table as Record<string, unknown>)[code];
  const status = Array.isArray(entry) ? (entry as unknown[])[0] : entry;
  return typeof status === "number" && Number.isInteger(status) && status >= 400 && status <= 599 ? status : undefined;
}

/** HTTP 200 with `output` as the JSON body; a plain object without `RequestId` gets the context's. */
export function outputResponse(output: object, context: AnswerContext): HttpResponse {
  if (Array.isArray(output)) return jsonResponse(200, output, context.requestId);
  const given = (output as { RequestId?: unknown }).RequestId;
  if (typeof given === "string") return jsonResponse(200, output, given);
  return jsonResponse(200, { RequestId: context.requestId, ...output }, context.requestId);
}

/**
 * The answer of an operation whose body is not JSON (the descriptor's `response` kind): bytes, text or nothing.
 * `undefined` for JSON operations, which {@link outputResponse} answers.
 */
export function rawResponse(kind: string | undefined, output: unknown, requestId: string): HttpResponse | undefined {
  if (kind !== "binary" && kind !== "string" && kind !== "none") return undefined;
  const body = output instanceof Uint8Array || typeof output === "string" ? output : "";
  const contentType = kind === "binary" ? "application/octet-stream" : "text/plain;charset=utf-8";
  return { status: 200, headers: { "content-type": contentType, "x-acs-request-id": requestId }, body };
}

/** The body Alibaba Cloud answers an error with. */
export interface AlibabaErrorBody {
  readonly RequestId: string;
  readonly HostId: string;
  readonly Code: string;
  readonly Message: string;
  readonly Recommend: string;
}

/** An error answer resolved against its request: the status and body to send. */
export interface ErrorReply {
  readonly status: number;
  readonly body: AlibabaErrorBody;
}

/** The status and Alibaba Cloud error body for `answer`, defaults filled from `context`. */
export function errorReply(answer: ErrorAnswer, context: AnswerContext): ErrorReply {
  const { code, options } = answer;
  const status = options.httpStatus ?? documentedStatus(context.documentedErrors, code) ?? COMMON_ERROR_STATUS[code] ?? 400;
  const requestId = options.requestId ?? context.requestId;
  const recommend =
    options.recommend ??
    `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=${encodeURIComponent(context.product)}&requestId=${encodeURIComponent(requestId)}`;
  return {
    status,
    body: { RequestId: requestId, HostId: options.hostId ?? context.host, Code: code, Message: options.message ?? `Mocked ${code}.`, Recommend: recommend },
  };
}

/** The HTTP answer of `reply`. */
export function errorResponse(reply: ErrorReply): HttpResponse {
  return jsonResponse(reply.status, reply.body, reply.body.RequestId);
}

/**
 * The `ServiceError` the runtime makes of `reply`, for the call history (the caller gets the runtime's own,
 * decoded from the response; this one has the same fields).
 */
export function serviceErrorOf(reply: ErrorReply, call: { readonly product: string; readonly action: string }): ServiceError {
  const { body } = reply;
  return new ServiceError({
    action: call.action,
    product: call.product,
    code: body.Code,
    message: body.Message,
    httpStatus: reply.status,
    requestId: body.RequestId,
    hostId: body.HostId,
    recommend: body.Recommend,
    body: { ...body },
  });
}
