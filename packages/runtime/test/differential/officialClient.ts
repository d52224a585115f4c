// Drives Alibaba's official Node client (@alicloud/openapi-client) the way the official generated product
// SDKs do (e.g. @alicloud/nas20170626 `createDataFlowWithOptions`): build a `query` map from the input, let
// `OpenApiUtil.query` flatten it, then `callApi(params, request, runtime)`.
//
// Pinning its clock and nonce: the client reads `OpenApiUtil.getTimestamp()` (which formats `new Date()`)
// and `Util.getNonce()` from @alicloud/tea-util on every attempt. The nonce is pinned with a spy on that
// static method; the date by faking only `Date` (vi.useFakeTimers({ toFake: ["Date"] }) in the suite), so
// the official date formatting itself is exercised. Both modules are loaded through the client's own
// `require`, so the spies patch the very instances the client calls.
import { createRequire } from "node:module";
import type * as OpenApiClientModule from "@alicloud/openapi-client";
import type { Config, OpenApiRequest, Params } from "@alicloud/openapi-client";
import type { OperationDescriptor } from "../../src/operation.js";

// A CommonJS module whose `exports.default` is the client class. Under NodeNext, TypeScript types a default
// import of it as the whole `module.exports`, hence `.default.default`.
interface OfficialModule {
  default: typeof OpenApiClientModule.default.default;
  Config: typeof Config;
  OpenApiRequest: typeof OpenApiRequest;
  Params: typeof Params;
}
/** An official client instance. */
export type OfficialClient = InstanceType<OfficialModule["default"]>;

/** The subset of @alicloud/openapi-util the official SDKs call to build a request. */
interface OpenApiUtilStatics {
  query(filter: Record<string, unknown>): Record<string, string>;
  arrayToStringWithSpecifiedStyle(value: unknown, prefix: string, style: string): string;
  parseToMap(input: unknown): Record<string, unknown>;
  getTimestamp(): string;
}

interface TeaUtilStatics {
  getNonce(): string;
}

const requireHere = createRequire(import.meta.url);
const requireFromClient = createRequire(requireHere.resolve("@alicloud/openapi-client"));

/** The official client module. */
export const official = requireHere("@alicloud/openapi-client") as OfficialModule;
/** The OpenApiUtil class the official client calls (same module instance). */
export const OpenApiUtil = (requireFromClient("@alicloud/openapi-util") as { default: OpenApiUtilStatics }).default;
/** The tea-util class the official client calls (same module instance). */
export const TeaUtil = (requireFromClient("@alicloud/tea-util") as { default: TeaUtilStatics }).default;

/** Static test credentials, shaped like @alicloud/credentials' CredentialModel but without `providerName`. */
export interface OfficialCredentialInput {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string;
}

/**
 * An official client pointed at `host` over HTTP. Its credential is a custom object, not an
 * @alicloud/credentials client: with no `providerName` it sends no `x-acs-credentials-provider` header,
 * which our runtime does not send either (see the suite's header notes).
 */
export function officialClient(host: string, credential: OfficialCredentialInput): OfficialClient {
  const credentialObject = {
    getCredential: () =>
      Promise.resolve({
        ...credential,
        type: credential.securityToken ? "sts" : "access_key",
      }),
  };
  return new official.default(
    new official.Config({ credential: credentialObject as unknown as Config["credential"], endpoint: host, protocol: "HTTP", regionId: "cn-hangzhou" }),
  );
}

/**
 * Builds the OpenApiRequest an official generated SDK would: `flat`/`repeatList` values go into the map
 * as they are (OpenApiUtil.query flattens them), `json`/`simple` values are "shrunk" to one string with
 * `arrayToStringWithSpecifiedStyle`, body parameters pass through `parseToMap`.
 */
export function officialRequest(op: OperationDescriptor, input: Readonly<Record<string, unknown>>): OpenApiRequest {
  const query: Record<string, unknown> = {};
  const body: Record<string, unknown> = {};
  for (const param of op.parameters) {
    const raw = input[param.name];
    if (raw === undefined) continue;
    const style = param.serialization;
    const value = typeof raw === "object" && (style === "json" || style === "simple") ? OpenApiUtil.arrayToStringWithSpecifiedStyle(raw, param.name, style) : raw;
    if (param.in === "query") query[param.name] = value;
    else if (param.in === "body") body[param.name] = value;
    else throw new Error(`${op.action}.${param.name}: parameters in "${param.in}" are not driven through the official client yet`);
  }
  return new official.OpenApiRequest({
    query: OpenApiUtil.query(query),
    ...(Object.keys(body).length > 0 ? { body: OpenApiUtil.parseToMap(body) } : {}),
  });
}

/** The `Params` an official generated SDK passes for `op` (RPC: form-data request body, JSON response). */
export function officialParams(op: OperationDescriptor): Params {
  return new official.Params({
    action: op.action,
    version: op.version,
    protocol: "HTTPS", // what the generated SDKs pass; the client's `protocol: "HTTP"` config overrides it
    pathname: op.pathname,
    method: op.method,
    authType: "AK",
    style: op.style,
    reqBodyType: "formData",
    bodyType: "json",
  });
}

/** Runtime options with the official client's retries off, so one call is one request. */
export const NO_RETRY = { autoretry: false, maxAttempts: 1 } as unknown as Parameters<OfficialClient["callApi"]>[2];
