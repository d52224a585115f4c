import { percentEncode } from "../sign/percentEncode.js";
import { decodeResponse } from "../decodeResponse.js";
import { AcsError } from "../errors/AcsError.js";
import { responseText } from "./body.js";
import type { HttpRequest, HttpResponse } from "./types.js";
import { ACCESS_KEY_ID_MARKER, FIXTURE_FORMAT, type Fixture, type FixtureExpected, type FixtureSource } from "./fixture.js";

/** Headers that carry a credential: never written, whatever their value. */
const SECRET_HEADERS = new Set(["authorization", "x-acs-security-token", "x-acs-bearer-token", "x-acs-zero-trust-idtoken", "cookie", "proxy-authorization"]);
/** Connection-level headers: set by the HTTP stack, not by the client, so not part of the contract. */
const TRANSPORT_HEADERS = new Set(["connection", "content-length", "transfer-encoding", "keep-alive"]);
/** Signature V2 query parameters that carry a credential (V3 sends none, but a recording must never hold one). */
const SECRET_QUERY = new Set(["Signature", "SecurityToken", "BearerToken"]);

/** One exchange as seen by a transport, plus what only the caller knows. */
export interface Exchange {
  readonly source: FixtureSource;
  readonly operation: Fixture["operation"];
  readonly input: Readonly<Record<string, unknown>>;
  readonly request: HttpRequest;
  readonly response: HttpResponse;
  readonly description?: string;
}

function sortedHeaders(headers: Readonly<Record<string, string>>, drop: (name: string) => boolean, scrub: (s: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(headers).map((n) => n.toLowerCase()).sort()) {
    if (drop(name)) continue;
    const value = Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1] ?? "";
    out[name] = scrub(value);
  }
  return out;
}

function decodeComponent(s: string): string {
  return decodeURIComponent(s.replace(/\+/g, "%20"));
}

/** Splits an encoded `path?query` into the decoded pathname and the decoded query pairs, in order. */
export function splitRequestPath(path: string): { pathname: string; query: [string, string][] } {
  const q = path.indexOf("?");
  const rawPath = q < 0 ? path : path.slice(0, q);
  const rawQuery = q < 0 ? "" : path.slice(q + 1);
  const query: [string, string][] = rawQuery
    ? rawQuery.split("&").map((pair) => {
        const i = pair.indexOf("=");
        return i < 0 ? [decodeComponent(pair), ""] : [decodeComponent(pair.slice(0, i)), decodeComponent(pair.slice(i + 1))];
      })
    : [];
  return { pathname: rawPath.split("/").map(decodeComponent).join("/"), query };
}

/** The credential strings a request carries: access key ids (to mask), token and signature (to drop). */
function credentialStrings(request: HttpRequest): { keyIds: string[]; secrets: string[]; signedHeaders: string[] } {
  const header = (name: string): string | undefined => Object.entries(request.headers).find(([k]) => k.toLowerCase() === name)?.[1];
  const auth = header("authorization") ?? "";
  const credential = /Credential=([^,\s]+)/.exec(auth)?.[1];
  const signedList = /SignedHeaders=([^,\s]+)/.exec(auth)?.[1];
  const signature = /Signature=([^,\s]+)/.exec(auth)?.[1];
  const keyIds = [credential, header("x-acs-accesskey-id")].filter((s): s is string => !!s);
  const secrets = [signature, header("x-acs-security-token"), header("x-acs-bearer-token")].filter((s): s is string => !!s);
  return { keyIds, secrets, signedHeaders: signedList ? signedList.split(";") : [] };
}

function expectedOf(response: HttpResponse, operation: Fixture["operation"]): FixtureExpected {
  try {
    return { output: decodeResponse(response, { action: operation.action, product: operation.product }) as Record<string, unknown> };
  } catch (error) {
    if (!(error instanceof AcsError)) throw error;
    const e = error as AcsError & { httpStatus?: number; requestId?: string };
    return { error: { name: e.name, code: e.code, httpStatus: e.httpStatus ?? response.status, requestId: e.requestId ?? null } };
  }
}

/**
 * Turns one exchange into a {@link Fixture} that is safe to commit: the Authorization header is reduced to
 * its signed-header list, security and bearer tokens are dropped, and every occurrence of the access key id
 * (request, response, input) is replaced by {@link ACCESS_KEY_ID_MARKER}. The expected result is decoded
 * from the redacted response, so a replay of the fixture must reproduce it exactly.
 */
export function fixtureFromExchange(exchange: Exchange): Fixture {
  const { keyIds, secrets, signedHeaders } = credentialStrings(exchange.request);
  // Longest first, so a key id that contains another is masked whole.
  const masks = [...new Set(keyIds.filter((k) => k.length >= 8))].sort((a, b) => b.length - a.length);
  // Also the percent-encoded forms: STS tokens carry `+`, `/` and `=`, and a server may echo them encoded.
  const dropped = [...new Set(secrets.filter((s) => s.length >= 8).flatMap((s) => [s, encodeURIComponent(s), percentEncode(s)]))].sort(
    (a, b) => b.length - a.length,
  );
  const scrub = (text: string): string => {
    let out = text;
    for (const s of dropped) out = out.split(s).join("<REDACTED>");
    for (const k of masks) out = out.split(k).join(ACCESS_KEY_ID_MARKER);
    return out;
  };
  const { pathname, query } = splitRequestPath(exchange.request.path);
  const response = {
    status: exchange.response.status,
    headers: sortedHeaders(exchange.response.headers, (n) => n === "set-cookie", scrub),
    body: scrub(responseText(exchange.response)),
  };
  return {
    fixtureFormat: FIXTURE_FORMAT,
    source: exchange.source,
    ...(exchange.description !== undefined ? { description: exchange.description } : {}),
    operation: exchange.operation,
    input: JSON.parse(scrub(JSON.stringify(exchange.input))) as Record<string, unknown>,
    request: {
      method: exchange.request.method.toUpperCase(),
      protocol: exchange.request.protocol,
      host: exchange.request.host,
      pathname: scrub(pathname),
      query: query.filter(([k]) => !SECRET_QUERY.has(k)).map(([k, v]) => [scrub(k), scrub(v)] as const),
      headers: sortedHeaders(exchange.request.headers, (n) => SECRET_HEADERS.has(n) || TRANSPORT_HEADERS.has(n), scrub),
      signedHeaders,
      body: exchange.request.body === undefined || exchange.request.body.length === 0 ? null : scrub(typeof exchange.request.body === "string" ? exchange.request.body : new TextDecoder().decode(exchange.request.body)),
    },
    response,
    expected: expectedOf(response, exchange.operation),
  };
}
