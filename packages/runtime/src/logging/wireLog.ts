import { maskAccessKeyId } from "../credentials/redact.js";
import type { Credentials } from "../credentials/types.js";
import type { OperationDescriptor, SchemaDescriptor } from "../operation.js";
import type { HttpRequest, HttpResponse } from "../transport/types.js";
import type { ClientLogger } from "./clientLogger.js";
import { formatLine } from "./formatLine.js";
import { REDACTED, redactHeaders } from "./redactHeaders.js";
import { redactRequestJson, redactResponseJson } from "./redactJson.js";
import { decodePairs, redactPairs } from "./redactPairs.js";
import { type Scrub, scrubber } from "./scrubber.js";

/** Longest body a debug line prints; the rest is cut, saying how much. */
const MAX_BODY_CHARS = 2_000;

/** Writes the `debug` lines of one call: each request as sent and each response as received, redacted. */
export interface WireLog {
  /** Logs the request of `attempt`, signed with `credentials` (absent for anonymous operations), sent `via` a proxy. */
  request(request: HttpRequest, attempt: number, credentials: Credentials | undefined, via?: string): void;
  /** Logs the response to the last request logged. */
  response(response: HttpResponse, attempt: number, durationMs: number): void;
}

function byteLength(body: string | Uint8Array): number {
  return typeof body === "string" ? new TextEncoder().encode(body).length : body.length;
}

function cut(text: string): string {
  return text.length <= MAX_BODY_CHARS ? text : `${text.slice(0, MAX_BODY_CHARS)}…(${text.length - MAX_BODY_CHARS} more chars)`;
}

/** Every string in the input, for scrubbing what a server echoes of it. */
function inputStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const item of value) inputStrings(item, out);
  else if (typeof value === "object" && value !== null) for (const item of Object.values(value)) inputStrings(item, out);
  return out;
}

/** The credential strings of a signed request: what must never be printed, and the key id's mask. */
function credentialPairs(credentials: Credentials | undefined, request: HttpRequest): [string, string][] {
  if (!credentials) return [];
  const signature = /Signature=([^,\s]+)/.exec(request.headers.authorization ?? "")?.[1];
  const pairs: [string, string][] = [[credentials.accessKeySecret, REDACTED], [credentials.accessKeyId, maskAccessKeyId(credentials.accessKeyId)]];
  if (credentials.securityToken) pairs.push([credentials.securityToken, REDACTED]);
  if (signature) pairs.push([signature, REDACTED]);
  return pairs;
}

/** The schema of a JSON request body: the root parameter's, or an object of the body parameters. */
function bodySchema(op: OperationDescriptor): SchemaDescriptor {
  const body = op.parameters.filter((p) => p.in === "body");
  const root = op.body?.root;
  if (root !== undefined) return body.find((p) => p.name === root)?.schema ?? { type: "object" };
  return { type: "object", properties: Object.fromEntries(body.map((p) => [p.name, p.schema])) };
}

function requestBody(op: OperationDescriptor, body: string | Uint8Array | undefined): string {
  if (body === undefined) return "none";
  const size = byteLength(body);
  if (typeof body !== "string" || op.body?.encoding === "binary") return `<${size} bytes>`;
  if (op.body?.encoding === "form") return redactPairs(decodePairs(body), op, "body");
  try {
    return JSON.stringify(redactRequestJson(JSON.parse(body), bodySchema(op)));
  } catch {
    return `<${size} bytes>`;
  }
}

function responseBody(body: string | Uint8Array, scrubMessage: Scrub): string {
  if (typeof body !== "string") return `<${body.length} bytes>`;
  if (body.length === 0) return "none";
  try {
    return JSON.stringify(redactResponseJson(JSON.parse(body), scrubMessage));
  } catch {
    return `<${byteLength(body)} bytes, not JSON>`;
  }
}

/**
 * The wire log of one call of `op` with `input`, or `undefined` unless `logger` logs at `debug`. What is
 * printed is decided by allow-lists (see redactHeaders, redactPairs, redactJson): the path template, not the
 * path (ROA paths carry parameter values); header, query and body names with only the values proven safe;
 * of answers, the request id and error fields. As a last guard every line is scrubbed of the credentials
 * and signature the request was signed with, and the answer's error fields of every string in the input.
 */
export function wireLog(logger: ClientLogger | undefined, op: OperationDescriptor, input: Readonly<Record<string, unknown>>): WireLog | undefined {
  if (!logger?.enabled("debug")) return undefined;
  const names = { product: op.product, action: op.action };
  const pathTemplate = op.pathname.split("?")[0]!;
  const inputPairs = inputStrings(input).map((s) => [s, REDACTED] as [string, string]);
  let scrubCredentials: Scrub = (s) => s;
  let scrubMessage: Scrub = (s) => s;
  return {
    request(request, attempt, credentials, via) {
      const secrets = credentialPairs(credentials, request);
      scrubCredentials = scrubber(secrets);
      scrubMessage = scrubber([...secrets, ...inputPairs]);
      const q = request.path.indexOf("?");
      const query = q < 0 ? "" : `?${redactPairs(decodePairs(request.path.slice(q + 1)), op, "query")}`;
      const url = `${request.protocol}//${request.host}${pathTemplate}${query}`;
      const head = formatLine("debug", "request", { ...names, attempt, via });
      const line = `${head} ${request.method} ${url} headers=${JSON.stringify(redactHeaders(request.headers))} body=${cut(requestBody(op, request.body))}`;
      logger.write("debug", scrubCredentials(line));
    },
    response(response, attempt, durationMs) {
      const head = formatLine("debug", "response", { ...names, attempt, status: response.status, durationMs });
      const line = `${head} headers=${JSON.stringify(redactHeaders(response.headers))} body=${cut(responseBody(response.body, scrubMessage))}`;
      logger.write("debug", scrubCredentials(line));
    },
  };
}
