import { randomUUID } from "../../platform/randomUUID.js";
import { formEncode } from "../../serialize/formEncode.js";
import { formatAcsDate } from "../../sign/signRequestV3.js";
import { acsRequestHeadersAsync, signRequestV3Async } from "../../sign/signRequestV3Async.js";
import type { Transport } from "../../transport/types.js";
import { type CredentialRequestTimeouts, sendCredentialRequest } from "../http/sendCredentialRequest.js";
import { sourceBroken } from "../sourceErrors.js";
import { parseJsonObject, quotableCode, quotableRequestId, temporaryCredentialsFrom } from "../temporaryCredentials.js";
import type { Credentials } from "../types.js";
import type { StsEndpoint } from "./stsEndpoint.js";

/** One call of the STS API (product `Sts`, version 2015-04-01, RPC style). */
export interface StsCall {
  readonly action: "AssumeRole" | "AssumeRoleWithOIDC";
  /** Body parameters, e.g. `RoleArn`, `RoleSessionName`, `DurationSeconds`. */
  readonly params: readonly (readonly [string, string])[];
  /** Credentials that sign the request; `undefined` sends it anonymously (AssumeRoleWithOIDC). */
  readonly credentials: Credentials | undefined;
  readonly endpoint: StsEndpoint;
  readonly timeouts: CredentialRequestTimeouts;
  readonly transport: Transport | undefined;
  /** Clock for `x-acs-date`. */
  readonly now: () => number;
  /** Source label for errors, e.g. `cli profile`. */
  readonly source: string;
}

const VERSION = "2015-04-01";

/**
 * Calls STS and returns the temporary credentials of its `Credentials` object.
 *
 * The request has the shape of every other call this runtime makes: `POST /` with `x-acs-action` and
 * `x-acs-version` headers and the parameters as a form body, signed with signature V3 by `signRequestV3Async`
 * (the security token of chained credentials travels in `x-acs-security-token`). An anonymous call
 * (AssumeRoleWithOIDC, where the OIDC token is the proof) carries the same `x-acs-*` headers and no
 * `Authorization`, as the official OpenAPI client sends anonymous calls.
 *
 * Failures are "broken" {@link CredentialsError}s naming the action, the endpoint host, the HTTP status and
 * STS's error code and request id. STS's `Message` is never quoted: for a signature mismatch it echoes the
 * string to sign, and no part of a request or response body is ours to print.
 */
export async function callSts(call: StsCall): Promise<Credentials> {
  const where = `sts ${call.action} (${call.endpoint.host})`;
  const body = formEncode(call.params);
  const headers = await stsHeaders(call, body);
  const response = await sendCredentialRequest(
    { method: "POST", protocol: call.endpoint.protocol, host: call.endpoint.host, path: "/", headers, body },
    call.timeouts,
    call.transport,
  );
  if (response.kind === "unreachable") throw sourceBroken(call.source, `${where}: STS ${response.reason}`);
  if (response.status !== 200) throw sourceBroken(call.source, `${where}: ${describeStsError(response.status, response.body)}`);
  const data = parseJsonObject(response.body, call.source, where);
  const inner = data["Credentials"];
  if (typeof inner !== "object" || inner === null) throw sourceBroken(call.source, `${where}: response has no Credentials`);
  return temporaryCredentialsFrom(inner as Record<string, unknown>, call.source, where);
}

async function stsHeaders(call: StsCall, body: string): Promise<Record<string, string>> {
  const base: Record<string, string> = {
    "x-acs-action": call.action,
    "x-acs-version": VERSION,
    accept: "application/json",
    "content-type": "application/x-www-form-urlencoded",
  };
  const date = formatAcsDate(new Date(call.now()));
  const nonce = randomUUID();
  const request = { method: "POST", host: call.endpoint.host, pathname: "/", query: [], headers: base, body };
  if (call.credentials) return (await signRequestV3Async(request, call.credentials, { date, nonce })).headers;
  return acsRequestHeadersAsync(request, { date, nonce });
}

function describeStsError(status: number, body: string): string {
  let code: string | undefined;
  let requestId: string | undefined;
  try {
    const data = JSON.parse(body) as Record<string, unknown>;
    code = quotableCode(data["Code"]);
    requestId = quotableRequestId(data["RequestId"]);
  } catch {
    // Not JSON (a proxy's page): the status says enough.
  }
  return `HTTP ${status}${code ? ` ${code}` : ""}${requestId ? ` (RequestId ${requestId})` : ""}`;
}
