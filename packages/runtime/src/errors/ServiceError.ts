import { AcsError } from "./AcsError.js";

/** Codes any Alibaba Cloud call can return, whatever the operation. */
export type CommonErrorCode =
  | "Throttling"
  | "Throttling.User"
  | "Throttling.Api"
  | "Throttling.System"
  | "ServiceUnavailable"
  | "ServiceUnavailableTemporary"
  | "InternalError"
  | "UnknownError"
  | "InvalidAccessKeyId.NotFound"
  | "InvalidAccessKeyId.Inactive"
  | "IncompleteSignature"
  | "SignatureDoesNotMatch"
  | "SignatureNonceUsed"
  | "InvalidTimeStamp.Expired"
  | "InvalidSecurityToken.Expired"
  | "InvalidSecurityToken.Malformed"
  | "Forbidden.RAM"
  | "Forbidden.AccessKeyDisabled"
  | "NoPermission"
  | "MissingParameter"
  | "InvalidParameter"
  | "InvalidAction.NotFound"
  | "InvalidVersion"
  | "InvalidRegionId";

/** Throttling codes: the service refused the request before doing anything, so a retry is always safe. */
const THROTTLING_CODES = new Set<string>([
  "Throttling",
  "Throttling.User",
  "Throttling.Api",
  "Throttling.System",
  "ServiceUnavailable",
  "ServiceUnavailableTemporary",
  "RequestLimitExceeded",
  "TooManyRequests",
]);

/** True for codes that mean "the service refused this request unprocessed; try again later". */
export function isThrottlingCode(code: string): boolean {
  return THROTTLING_CODES.has(code) || code.startsWith("Throttling");
}

/** The fields of an Alibaba Cloud error body, plus what the transport saw. */
export interface ServiceErrorDetails<C extends string = string> {
  /** The API action that failed, e.g. `CancelDataFlowSubTask`. */
  readonly action: string;
  /** The product of that action, e.g. `NAS` (two products may share an action name). */
  readonly product?: string | undefined;
  readonly code: C;
  readonly message: string;
  readonly httpStatus: number;
  readonly requestId?: string | undefined;
  readonly hostId?: string | undefined;
  readonly recommend?: string | undefined;
  readonly accessDeniedDetail?: unknown;
  /** The response body as received: the parsed JSON, or the fields of an XML `<Error>` element. */
  readonly body?: unknown;
}

/** An error answered by the service: HTTP status ≥ 400 with a well-formed error body. */
export class ServiceError<C extends string = string> extends AcsError {
  /** The API action that failed; lets per-operation type guards tell their errors apart. */
  readonly action: string;
  /** The product of that action (`NAS`), when known. */
  readonly product: string | undefined;
  readonly code: C;
  readonly httpStatus: number;
  readonly requestId: string | undefined;
  readonly hostId: string | undefined;
  readonly recommend: string | undefined;
  readonly accessDeniedDetail: unknown;
  readonly body: unknown;
  override readonly retryable: boolean;
  /** The service's own message, without the code and request id that `message` adds. */
  readonly serviceMessage: string;

  constructor(details: ServiceErrorDetails<C>) {
    const rid = details.requestId ? ` (RequestId: ${details.requestId})` : "";
    super(`${details.code}: ${details.message}${rid}`);
    this.action = details.action;
    this.product = details.product;
    this.code = details.code;
    this.serviceMessage = details.message;
    this.httpStatus = details.httpStatus;
    this.requestId = details.requestId;
    this.hostId = details.hostId;
    this.recommend = details.recommend;
    this.accessDeniedDetail = details.accessDeniedDetail;
    this.body = details.body;
    // 429 is throttling whatever the code says; 5xx may be transient.
    this.retryable = isThrottlingCode(details.code) || details.httpStatus === 429 || details.httpStatus >= 500;
  }
}
