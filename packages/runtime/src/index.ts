// Public surface of @acs-modular/runtime. Named exports only, so every change to the surface shows in a diff,
// and every export says who it is for (on the declaration, or on its export statement here):
// - `@public`: for applications. Documented in the README; semver applies.
// - `@internal`: for generated operation packages, @acs-modular/mock and this repository's tools (bench,
//   fixture recorder). Exported because they import it; may change in any release.
// The committed API report (api/runtime.api.md) lists the result from the bundled declarations, and
// test/api/apiReport.test.ts fails, with a diff, when the surface changes without the report.

// The client and its options.
/** @public */
export { AcsClient } from "./client.js";
/** @public */
export type { CallOptions, ClientConfig } from "./client.js";
/** @internal The type of `client.config`, the settled options. */
export type { ResolvedClientConfig } from "./client.js";

// What generated operation packages are made of.
export { invokeOperation } from "./invokeOperation.js";
export type {
  BodyDescriptor,
  EndpointRules,
  HttpMethod,
  OperationDescriptor,
  OperationStyle,
  ParameterDescriptor,
  ParameterLocation,
  ResponseKind,
  SchemaDescriptor,
  Serialization,
} from "./operation.js";
export { isDocumentedError, isOperationError } from "./errors/operationErrors.js";
export type { DocumentedError, ErrorTable } from "./errors/operationErrors.js";
export { paginate, paginateItems } from "./paginate/paginate.js";
export type { PagedOperation, PaginateOptions, PaginationDescriptor } from "./paginate/paginate.js";
export { waitUntil } from "./waiters/waitUntil.js";
export type { WaitOptions, WaiterAcceptor, WaiterConfig, WaiterResult, WaiterState } from "./waiters/waitUntil.js";

// Errors.
/** @public */
export { AcsError } from "./errors/AcsError.js";
/** @public */
export { AbortError } from "./errors/AbortError.js";
/** @public */
export { CredentialsError } from "./errors/CredentialsError.js";
/** @public */
export { MalformedResponseError } from "./errors/MalformedResponseError.js";
/** @public */
export type { MalformedReason } from "./errors/MalformedResponseError.js";
/** @public */
export { NetworkError } from "./errors/NetworkError.js";
export { ProxyError } from "./transport/proxy/ProxyError.js";
/** @public */
export { ServiceError } from "./errors/ServiceError.js";
/** @public */
export type { CommonErrorCode, ServiceErrorDetails } from "./errors/ServiceError.js";
/** @public */
export { TimeoutError } from "./errors/TimeoutError.js";
/** @public */
export type { TimeoutPhase } from "./errors/TimeoutError.js";
/** @public */
export { ValidationError } from "./errors/ValidationError.js";
export { WaiterError } from "./waiters/WaiterError.js";

// Credentials.
/** @public */
export type { CredentialProvider, Credentials } from "./credentials/types.js";
/** @public */
export {
  ForeignError,
  cachedProvider,
  defaultCredentialProvider,
  describeCredentials,
  fromAlicloudCredentials,
  fromCliProfile,
  fromCloudSso,
  fromCredentialsUri,
  fromEcsRamRole,
  fromEnv,
  fromExternalProcess,
  fromIniFile,
  fromOidcEnv,
  fromOidcRoleArn,
  fromRamRoleArn,
  fromStatic,
  maskAccessKeyId,
} from "./credentials/index.js";
/** @public */
export type {
  AlicloudCredentialsClientLike,
  CachedProviderOptions,
  CredentialSourceOptions,
  CredentialsEvent,
  CredentialsEventHook,
  DefaultCredentialProviderOptions,
  EcsSettings,
  Env,
  FromCliProfileOptions,
  FromCloudSsoOptions,
  FromCredentialsUriOptions,
  FromEcsRamRoleOptions,
  FromEnvOptions,
  FromExternalProcessOptions,
  FromIniFileOptions,
  FromOidcEnvOptions,
  FromOidcRoleArnOptions,
  FromRamRoleArnOptions,
  ProfileSourceOptions,
  RoleSessionSettings,
  StaticCredentialsInput,
  StsOptions,
} from "./credentials/index.js";

// Retries, events and logging.
/** @public */
export type { RetryOptions } from "./retry/retryPolicy.js";
export type { ClientEvent, ClientEventHook } from "./hooks/events.js";
export type { Logger, LogLevel } from "./logging/Logger.js";
/** @public */
export { LOG_LEVEL_ENV } from "./logging/logLevel.js";

// Transports, proxies and recording.
/** @public */
export { nodeHttpTransport } from "./transport/nodeHttpTransport.js";
/** @public */
export { fetchTransport } from "./transport/fetchTransport.js";
/** @public */
export type { HttpRequest, HttpResponse, Transport, TransportCallContext, TransportOptions } from "./transport/types.js";
/** @public */
export type { ProxyOption } from "./transport/proxy/proxySettings.js";
/** @public */
export { RECORD_FIXTURES_ENV, recordingTransport, recordingTransportFromEnv } from "./transport/recordingTransport.js";
/** @public */
export type { RecordingTransportOptions } from "./transport/recordingTransport.js";
/** @public The recorded-exchange format (fixtures/README.md). */
export type { Fixture, FixtureExpected, FixtureExpectedError, FixtureRequest, FixtureResponse, FixtureSource } from "./transport/fixture.js";
/** @internal The fixture writer, for scripts/record-official-fixtures.mjs. */
export { ACCESS_KEY_ID_MARKER, FIXTURE_FORMAT, formatFixture } from "./transport/fixture.js";
/** @internal */
export { fixtureFromExchange } from "./transport/redactExchange.js";
/** @internal */
export type { Exchange } from "./transport/redactExchange.js";

// Signing, for benchmarks and tools: operations sign their own requests.
/** @internal */
export { signRequestV3 } from "./sign/signRequestV3.js";
/** @internal */
export type { SignableRequest, SignatureInputs, SignedRequest } from "./sign/signRequestV3.js";
/** @internal */
export { signRequestV3Async } from "./sign/signRequestV3Async.js";
