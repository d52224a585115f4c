import { ValidationError } from "../errors/ValidationError.js";
import { copyRecord } from "../platform/copyRecord.js";
import type { HttpMethod, OperationDescriptor } from "../operation.js";
import { canonicalEncodedQuery } from "../sign/canonicalQuery.js";
import { encodePathTemplate, encodeQueryPairs, joinQuery } from "./buildPath.js";
import { encodeBody } from "./encodeBody.js";
import { serializeParameters, type WireParam } from "./serializeParameters.js";

/** Everything about a request that does not change between attempts: built once per call. */
export interface PreparedRequest {
  readonly method: HttpMethod;
  /** Host-name prefix from `host` parameters (`a.b.`), or `""`. */
  readonly hostPrefix: string;
  /** The encoded path without query string: sent, and signed as the canonical URI. */
  readonly pathname: string;
  /** The encoded path with its query string, as sent. */
  readonly path: string;
  /** Query parameters, decoded, in the order sent (the signer sorts its own copy). */
  readonly query: readonly WireParam[];
  /** The query's canonical string for signature V3: encoded once here and signed by every attempt. */
  readonly canonicalQuery: string;
  /** Headers other than those the signer adds; lower-case names. */
  readonly headers: Record<string, string>;
  readonly body: string | Uint8Array | undefined;
}

/**
 * Two parameters that put the same key on the wire (ECS declares `DataDisk.1.Size` and a `DataDisk` list,
 * which both produce `DataDisk.1.Size`) would send it twice with possibly different values, and the service
 * would read one of them: the call is refused instead, naming the key.
 */
function refuseRepeatedKeys(action: string, pairs: readonly WireParam[]): void {
  if (pairs.length < 2) return;
  const seen = new Set<string>();
  for (const [key] of pairs) {
    if (seen.has(key)) throw new ValidationError(action, key, "is set twice: two parameters of the input put this key on the wire; set it once");
    seen.add(key);
  }
}

/**
 * Builds the request of one call from a validated input: query, path, host prefix, headers and body per
 * the descriptor, plus the headers every call carries. Anonymous RPC calls ask for JSON with `Format=json`,
 * as the official clients do (a signed call gets JSON from its `accept` header).
 */
export function prepareRequest(op: OperationDescriptor, input: Readonly<Record<string, unknown>>, userAgent: string): PreparedRequest {
  const wire = serializeParameters(op, input);
  const query: WireParam[] = [...(op.fixedQuery ?? []), ...wire.query];
  refuseRepeatedKeys(op.action, query);
  if (op.auth === "Anonymous" && (op.style === "RPC" || op.style === "V3")) query.push(["Format", "json"]);
  const pathname = encodePathTemplate(op.pathname, wire.path);
  const encodedQuery = encodeQueryPairs(query);
  const qs = joinQuery(encodedQuery);
  const body = encodeBody(op.body, wire.body, op.action);
  const headers = copyRecord(wire.headers);
  headers["x-acs-action"] = op.action;
  headers["x-acs-version"] = op.version;
  headers.accept = "application/json";
  headers["user-agent"] = userAgent;
  if (body !== undefined) headers["content-type"] = body.contentType;
  return {
    method: op.method,
    hostPrefix: wire.host.map((label) => `${label}.`).join(""),
    pathname,
    path: qs ? `${pathname}?${qs}` : pathname,
    query,
    canonicalQuery: canonicalEncodedQuery(encodedQuery),
    headers,
    body: body?.bytes,
  };
}
