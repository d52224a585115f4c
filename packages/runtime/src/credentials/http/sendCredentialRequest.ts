import { AbortError } from "../../errors/AbortError.js";
import { MalformedResponseError } from "../../errors/MalformedResponseError.js";
import { NetworkError } from "../../errors/NetworkError.js";
import { TimeoutError } from "../../errors/TimeoutError.js";
import { responseText } from "../../transport/body.js";
import { defaultTransport } from "../../platform/defaultTransport.js";
import type { HttpRequest, Transport } from "../../transport/types.js";
import { MAX_TIMER_MS } from "../../validate/validateOptions.js";

/** A request to a credential service (STS, ECS metadata, a credentials URI, CloudSSO). */
export interface CredentialRequest {
  readonly method: string;
  readonly protocol: "https:" | "http:";
  /** Host with port when not default. */
  readonly host: string;
  /** Path and query string, already encoded. */
  readonly path: string;
  /** Lower-case names. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** Timeouts of one credential request. */
export interface CredentialRequestTimeouts {
  readonly connectTimeoutMs: number;
  readonly readTimeoutMs: number;
}

/** What a credential service answered, or why it could not be asked. */
export type CredentialResponse =
  | { readonly kind: "response"; readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: string }
  | { readonly kind: "unreachable"; readonly reason: string };

/** Credential responses are small; anything larger is not what we asked for. */
const MAX_RESPONSE_BYTES = 1024 * 1024;

/**
 * Sends one request through `transport` (default: the platform's, `nodeHttpTransport` on Node) and never throws: network failures come
 * back as `unreachable` with a short reason made of codes and timeouts only (no URL query, no body), so the
 * caller decides whether that means "not here" (no metadata service: not on ECS) or "broken". A connection
 * reset under the request is retried once (see {@link isDeadConnection}).
 */
export async function sendCredentialRequest(
  request: CredentialRequest,
  timeouts: CredentialRequestTimeouts,
  transport: Transport = defaultTransport,
): Promise<CredentialResponse> {
  const httpRequest: HttpRequest = {
    method: request.method,
    protocol: request.protocol,
    host: request.host,
    path: request.path,
    headers: request.headers ?? {},
    ...(request.body === undefined ? {} : { body: request.body }),
  };
  // The idle timers do not stop a server that trickles bytes forever (a metadata service or STS behind a
  // broken proxy): each attempt is bounded as a whole, connect to last byte, by the transport's per-attempt
  // timer (`attemptTimeoutMs`, as API calls are), here the connect plus the read timeout.
  const attemptTimeoutMs = Math.min(MAX_TIMER_MS, timeouts.connectTimeoutMs + timeouts.readTimeoutMs);
  // A backstop for a transport that ignores `attemptTimeoutMs`; later, so the attempt timer speaks first.
  const backstopMs = Math.min(MAX_TIMER_MS, 2 * attemptTimeoutMs);
  for (let attempt = 1; ; attempt++) {
    try {
      const signal = AbortSignal.timeout(backstopMs);
      const response = await transport(httpRequest, { ...timeouts, attemptTimeoutMs, maxResponseBytes: MAX_RESPONSE_BYTES, signal });
      return { kind: "response", status: response.status, headers: response.headers, body: responseText(response) };
    } catch (error) {
      if (attempt === 1 && isDeadConnection(error)) continue;
      return { kind: "unreachable", reason: error instanceof AbortError ? `did not finish within ${backstopMs} ms` : describeFailure(error) };
    }
  }
}

/**
 * A connection that died under the request (ECONNRESET, EPIPE): typically a pooled keep-alive socket the server
 * had just closed for idling, as metadata services and STS do between refreshes far apart. Sent again once, at
 * once: every credential request is safe to repeat (a second AssumeRole only issues another session).
 */
function isDeadConnection(error: unknown): boolean {
  return error instanceof NetworkError && (error.syscallCode === "ECONNRESET" || error.syscallCode === "EPIPE");
}

function describeFailure(error: unknown): string {
  if (error instanceof TimeoutError) return `did not answer within ${error.timeoutMs} ms (${error.phase})`;
  if (error instanceof NetworkError) return `is unreachable (${error.syscallCode ?? "network error"})`;
  if (error instanceof MalformedResponseError) return `sent an unreadable response (${error.reason})`;
  return `request failed (${error instanceof Error ? error.name : typeof error})`;
}

/** Splits an absolute http(s) URL into a {@link CredentialRequest}'s parts; undefined for anything else. */
export function parseServiceUrl(url: string): Pick<CredentialRequest, "protocol" | "host" | "path"> | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return undefined;
  if (parsed.username || parsed.password) return undefined;
  return { protocol: parsed.protocol, host: parsed.host, path: `${parsed.pathname}${parsed.search}` };
}

/** A URL as it may appear in errors and events: scheme, host and path, never the query (it may hold a token). */
export function safeUrl(url: string): string {
  const parts = parseServiceUrl(url);
  return parts ? `${parts.protocol}//${parts.host}${parts.path.split("?")[0]}` : "(invalid URL)";
}
