// The one list of differences between our requests and the official SDK's that are deliberate, each with its
// reason. The comparison labels a difference with one of these ids or reports it as unexplained; nothing else
// is ever ignored.

export interface DeliberateDifference {
  /** What differs. */
  readonly what: string;
  /** Why the difference is intended and harmless. */
  readonly reason: string;
  /** Differs on every request by construction: it does not make a request count as "deliberate" rather than "identical". */
  readonly everyRequest?: true;
}

export const DELIBERATE_DIFFERENCES = {
  "user-agent": {
    what: "header user-agent",
    reason: "each client names itself (acs-modular/<version> node/<version> vs AlibabaCloud (<os>) Node.js/… Core/… TeaDSL/2); not signed, and the service does not read it",
    everyRequest: true,
  },
  "credentials-provider": {
    what: "header x-acs-credentials-provider (signed), sent by the official client only",
    reason:
      "client telemetry naming where the credential came from (static_ak, env, ecs_ram_role…) whenever an @alicloud/credentials client reports a providerName; not part of the V3 signature scheme (the official client omits it for credentials without one, and gateways accept that) and it would tell the service about our users' setup",
  },
  "client-token": {
    what: "the idempotency token (ClientToken) sent by us only, when the input omits it",
    reason: "our runtime fills a missing ClientToken with a UUID once per call and keeps it across retries, so a retried write never acts twice; the official client sends none and the service then falls back to the request id",
  },
  "query-order": {
    what: "order of the query parameters",
    reason: "the official client orders them by its model's property order, ours by the spec's parameter order; the service reads them as a set and the signature sorts them",
  },
  "form-order": {
    what: "order of the form-encoded body pairs (hence the body bytes and x-acs-content-sha256)",
    reason: "as for the query: both are the same set of pairs, and each side's body hash is verified against its own bytes",
  },
  "json-serialization": {
    what: "JSON bytes (key order) of a JSON body, hence x-acs-content-sha256, or of a json-style query/form value",
    reason: "the same JSON value serialized with keys in another order (the official client follows its model's property order, ours the spec's); JSON is compared parsed, and each side's body hash is verified against its own bytes",
  },
  framing: {
    what: "headers content-length and transfer-encoding",
    reason: "message framing only: the official client streams its body (chunked), ours sends it with its length, and a body-less request may carry content-length: 0 or nothing; neither is signed and the body bytes are compared on their own",
  },
  "retry-headers": {
    what: "headers x-acs-retry-attempts and x-acs-retry-delay, sent by the official client only",
    reason: "openapi-core adds them from the second attempt on; both clients make one attempt here, so they should never appear, and if they do they describe the client's retry state, not the request",
  },
  "derived-headers": {
    what: "header values authorization and x-acs-content-sha256 are not compared by value",
    reason: "both are functions of what is compared: every signed header value, the signed-header set, the decoded query and body are compared, and each side's signature and body hash are verified independently from its own raw bytes",
    everyRequest: true,
  },
} as const satisfies Record<string, DeliberateDifference>;

export type DeliberateId = keyof typeof DELIBERATE_DIFFERENCES;

/** Header names whose differences are deliberate, with the id that explains them. */
export const DELIBERATE_HEADERS: Readonly<Record<string, DeliberateId>> = {
  "user-agent": "user-agent",
  "x-acs-credentials-provider": "credentials-provider",
  "content-length": "framing",
  "transfer-encoding": "framing",
  "x-acs-retry-attempts": "retry-headers",
  "x-acs-retry-delay": "retry-headers",
};

/** Header names never compared by value (see `derived-headers`). */
export const DERIVED_HEADERS: ReadonlySet<string> = new Set(["authorization", "x-acs-content-sha256"]);
