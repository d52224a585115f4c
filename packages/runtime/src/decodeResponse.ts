import { MalformedResponseError } from "./errors/MalformedResponseError.js";
import { ServiceError } from "./errors/ServiceError.js";
import type { OperationDescriptor, ResponseKind } from "./operation.js";
import { responseBytes, responseText } from "./transport/body.js";
import type { HttpResponse } from "./transport/types.js";
import { parseSimpleXml } from "./xml/parseSimpleXml.js";

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

/**
 * The fields of an error answer. Alibaba's gateways answer errors in JSON, and in places in XML
 * (`<Error><Code>…</Code><RequestId>…</RequestId>…</Error>`, served as `text/xml`), which the official client
 * (`@alicloud/openapi-core` `doRequest`) reads the same way. XML is recognised by its shape, not its
 * content type (gateways differ on the exact header): a document whose root is `Error`. Other markup, such
 * as a proxy's HTML page, is `html`.
 */
function parseErrorBody(response: HttpResponse, requestId: string | undefined): Record<string, unknown> {
  const text = responseText(response).trim();
  if (!text.startsWith("<")) return parseJsonObject(response, requestId);
  const doc = parseSimpleXml(text);
  if (doc?.name !== "Error") throw new MalformedResponseError("html", response.status, requestId, "expected JSON, got markup");
  return typeof doc.value === "object" && !Array.isArray(doc.value) ? (doc.value as Record<string, unknown>) : {};
}

/** What decoding needs to know about the operation: its name (for errors) and the kind of its success body. */
export type DecodeTarget = Pick<OperationDescriptor, "action"> & Partial<Pick<OperationDescriptor, "product" | "response">>;

/**
 * Decodes a response: 2xx → the success body of the operation's `response` kind (default a JSON object);
 * ≥ 300 with an Alibaba error body (JSON or XML) → {@link ServiceError}; anything undecodable →
 * {@link MalformedResponseError} carrying status and request id.
 *
 * A 2xx is a success whatever its body holds: a `200` whose JSON carries `Code` and `Message` resolves to that
 * body. That is what Alibaba's official client does (`doRequest` raises errors for status 400–599 only and
 * returns every other body as the result), and what the services need: many answer successes with a
 * `Code` (`"200"`, `"Success"`, `"OK"`) and `Success: true`, so no client-side rule can tell an error code from a
 * success code, and reading one as an error would fail calls that succeeded (and invite a retry that acts
 * twice). Callers of operations documented to answer `Success: false` check it in the result.
 */
export function decodeResponse(response: HttpResponse, op: DecodeTarget): unknown {
  const headerRequestId = response.headers["x-acs-request-id"];
  if (response.status >= 200 && response.status < 300) return decodeSuccess(response, op.response ?? "json", headerRequestId);
  const body = parseErrorBody(response, headerRequestId);
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
