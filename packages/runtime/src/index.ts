// Public surface of @acs-modular/runtime. Named exports only, so every change to the surface shows in a diff.
export { AcsClient } from "./client.js";
export type { CallOptions, ClientConfig, ResolvedClientConfig } from "./client.js";
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

export { AcsError } from "./errors/AcsError.js";
export { AbortError } from "./errors/AbortError.js";
export { CredentialsError } from "./errors/CredentialsError.js";
export { MalformedResponseError } from "./errors/MalformedResponseError.js";
export type { MalformedReason } from "./errors/MalformedResponseError.js";
export { NetworkError } from "./errors/NetworkError.js";
export { ServiceError, isThrottlingCode } from "./errors/ServiceError.js";
export type { CommonErrorCode, ServiceErrorDetails } from "./errors/ServiceError.js";
export { TimeoutError } from "./errors/TimeoutError.js";
export type { TimeoutPhase } from "./errors/TimeoutError.js";
export { ValidationError } from "./errors/ValidationError.js";

export type { CredentialProvider, Credentials } from "./credentials/types.js";
export {
  DEFAULT_REFRESH_MARGIN_MS,
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

export { resolveEndpoint } from "./endpoint/resolveEndpoint.js";
export type { EndpointOptions, ResolvedEndpoint } from "./endpoint/resolveEndpoint.js";
export { SIGNATURE_ALGORITHM, formatAcsDate, signRequestV3 } from "./sign/signRequestV3.js";
export type { SignableRequest, SignatureInputs, SignedRequest } from "./sign/signRequestV3.js";
export { signRequestV3Async } from "./sign/signRequestV3Async.js";
export { percentEncode } from "./sign/percentEncode.js";
export { serializeParameters } from "./serialize/serializeParameters.js";
export type { SerializedParameters, WireParam } from "./serialize/serializeParameters.js";
export { validateInput } from "./validate/validateInput.js";
export { nodeHttpTransport } from "./transport/nodeHttpTransport.js";
export { fetchTransport } from "./transport/fetchTransport.js";
export type { HttpRequest, HttpResponse, Transport, TransportCallContext, TransportOptions } from "./transport/types.js";
export { DEFAULT_RETRY, backoffDelay, parseRetryAfter, retryDelay, shouldRetry } from "./retry/retryPolicy.js";
export type { RetryOptions } from "./retry/retryPolicy.js";
export type { ClientEvent, ClientEventHook } from "./hooks/events.js";
export { paginate, paginateItems } from "./paginate/paginate.js";
export type { PagedOperation, PaginateOptions, PaginationDescriptor } from "./paginate/paginate.js";
export { waitUntil } from "./waiters/waitUntil.js";
export type { WaitOptions, WaiterAcceptor, WaiterConfig, WaiterResult, WaiterState } from "./waiters/waitUntil.js";
export { WaiterError } from "./waiters/WaiterError.js";
export { decodeResponse } from "./decodeResponse.js";
export type { DecodeTarget } from "./decodeResponse.js";
export { responseBytes, responseText } from "./transport/body.js";
export { RECORD_FIXTURES_ENV, recordingTransport, recordingTransportFromEnv } from "./transport/recordingTransport.js";
export type { RecordingTransportOptions } from "./transport/recordingTransport.js";
export { fixtureFromExchange } from "./transport/redactExchange.js";
export type { Exchange } from "./transport/redactExchange.js";
export { ACCESS_KEY_ID_MARKER, FIXTURE_FORMAT, formatFixture } from "./transport/fixture.js";
export type { Fixture, FixtureExpected, FixtureExpectedError, FixtureRequest, FixtureResponse, FixtureSource } from "./transport/fixture.js";
