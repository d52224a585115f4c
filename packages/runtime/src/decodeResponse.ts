import { MalformedResponseError } from "./errors/MalformedResponseError.js";
import { ServiceError } from "./errors/ServiceError.js";
import type { HttpResponse } from "./transport/types.js";

function parseJsonObject(response: HttpResponse, requestId: string | undefined): Record<string, unknown> {
  const text = response.body.trim();
  if (text.length === 0) throw new MalformedResponseError("empty", response.status, requestId);
  if (text.startsWith("<")) throw new MalformedResponseError("html", response.status, requestId, "expected JSON, got markup");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // A JSON document cut short parses as neither; say "truncated" when it at least started like one.
    const reason = text.startsWith("{") || text.startsWith("[") ? "truncated" : "not-json";
    // The body itself is never quoted: it is the server's, unbounded, and not ours to put in logs.
    throw new MalformedResponseError(reason, response.status, requestId, `content-type ${response.headers["content-type"] ?? "none"}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new MalformedResponseError("not-an-object", response.status, requestId, `expected a JSON object, got ${Array.isArray(parsed) ? "an array" : parsed === null ? "null" : typeof parsed}`);
  }
  return parsed as Record<string, unknown>;
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/**
 * Decodes a response: 2xx → the JSON object; ≥ 300 with an Alibaba error body → {@link ServiceError};
 * anything undecodable → {@link MalformedResponseError} carrying status and request id.
 */
export function decodeResponse(response: HttpResponse, action: string): Record<string, unknown> {
  const headerRequestId = response.headers["x-acs-request-id"];
  const body = parseJsonObject(response, headerRequestId);
  const requestId = str(body.RequestId) ?? str(body.requestId) ?? headerRequestId;
  if (response.status >= 200 && response.status < 300) return body;
  const code = str(body.Code) ?? str(body.code);
  if (!code) {
    throw new MalformedResponseError("no-error-code", response.status, requestId, "error status without a Code in the body");
  }
  throw new ServiceError({
    action,
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
