import { MalformedResponseError } from "./errors/MalformedResponseError.js";
import { ServiceError } from "./errors/ServiceError.js";
import type { OperationDescriptor, ResponseKind } from "./operation.js";
import { responseBytes, responseText } from "./transport/body.js";
import type { HttpResponse } from "./transport/types.js";

function parseJson(text: string, response: HttpResponse, requestId: string | undefined): unknown {
  if (text.length === 0) throw new MalformedResponseError("empty", response.status, requestId);
  if (text.startsWith("<")) throw new MalformedResponseError("html", response.status, requestId, "expected JSON, got markup");
  try {
    return JSON.parse(text);
  } catch {
    // A JSON document cut short parses as neither; say "truncated" when it at least started like one.
    const reason = text.startsWith("{") || text.startsWith("[") ? "truncated" : "not-json";
    // The body itself is never quoted: it is the server's, unbounded, and not ours to put in logs.
    throw new MalformedResponseError(reason, response.status, requestId, `content-type ${response.headers["content-type"] ?? "none"}`);
  }
}

function describe(value: unknown): string {
  return Array.isArray(value) ? "an array" : value === null ? "null" : typeof value;
}

function parseJsonObject(response: HttpResponse, requestId: string | undefined): Record<string, unknown> {
  const parsed = parseJson(responseText(response).trim(), response, requestId);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new MalformedResponseError("not-an-object", response.status, requestId, `expected a JSON object, got ${describe(parsed)}`);
  }
  return parsed as Record<string, unknown>;
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The success body of an operation whose answer is not a JSON object. */
function decodeSuccess(response: HttpResponse, kind: ResponseKind, requestId: string | undefined): unknown {
  switch (kind) {
    case "none":
      return {};
    case "binary":
      return responseBytes(response);
    case "string":
      return responseText(response);
    case "array": {
      const parsed = parseJson(responseText(response).trim(), response, requestId);
      if (!Array.isArray(parsed)) throw new MalformedResponseError("not-an-object", response.status, requestId, `expected a JSON array, got ${describe(parsed)}`);
      return parsed;
    }
    case "json":
      // 204 No Content is a success that carries nothing.
      if (response.status === 204 && responseText(response).trim() === "") return {};
      return parseJsonObject(response, requestId);
  }
}

/** What decoding needs to know about the operation: its name (for errors) and the kind of its success body. */
export type DecodeTarget = Pick<OperationDescriptor, "action"> & Partial<Pick<OperationDescriptor, "product" | "response">>;

/**
 * Decodes a response: 2xx → the success body of the operation's `response` kind (default a JSON object);
 * ≥ 300 with an Alibaba error body → {@link ServiceError}; anything undecodable → {@link MalformedResponseError}
 * carrying status and request id.
 */
export function decodeResponse(response: HttpResponse, op: DecodeTarget): unknown {
  const headerRequestId = response.headers["x-acs-request-id"];
  if (response.status >= 200 && response.status < 300) return decodeSuccess(response, op.response ?? "json", headerRequestId);
  const body = parseJsonObject(response, headerRequestId);
  const requestId = str(body.RequestId) ?? str(body.requestId) ?? headerRequestId;
  const code = str(body.Code) ?? str(body.code);
  if (!code) {
    throw new MalformedResponseError("no-error-code", response.status, requestId, "error status without a Code in the body");
  }
  throw new ServiceError({
    action: op.action,
    product: op.product,
    code,
    message: str(body.Message) ?? str(body.message) ?? "",
    httpStatus: response.status,
    requestId,
    hostId: str(body.HostId),
    recommend: str(body.Recommend),
    accessDeniedDetail: body.AccessDeniedDetail,
    body,
  });
}
