// A service error the mock answers: the code and the fields of an Alibaba Cloud error body, turned into an
// HTTP answer (src/httpAnswer.ts) that the runtime decodes into a real ServiceError.

const BRAND = Symbol.for("@acs-modular/mock/ErrorAnswer");

/**
 * How a mocked service error is answered. Every field is optional; the defaults are those of a real answer.
 * @public
 */
export interface MockErrorOptions {
  /**
   * HTTP status, 400 to 599. Default: the status the operation documents for the code (when its descriptor
   * carries the table), 500 for `InternalError`, 503 for `ServiceUnavailable`, else 400.
   */
  readonly httpStatus?: number;
  /** The body's `Message`. Default `Mocked <code>.` */
  readonly message?: string;
  /** The body's `RequestId` and the `x-acs-request-id` header. Default: a fresh id from the mock. */
  readonly requestId?: string;
  /** The body's `HostId`. Default: the host the request was sent to. */
  readonly hostId?: string;
  /** The body's `Recommend`. Default: a troubleshooting link like Alibaba Cloud's. */
  readonly recommend?: string;
}

/**
 * A service error for a `callsFake` handler to return: the mock answers it as an Alibaba Cloud error body, so
 * the caller gets the `ServiceError` production would give. Made by {@link errorAnswer}.
 * @public
 */
export interface ErrorAnswer {
  readonly code: string;
  readonly options: MockErrorOptions;
  readonly [BRAND]: true;
}

/**
 * Describes a service error answer, for a `callsFake` handler to return (`rejects(code, options)` is the
 * shorthand when the answer does not depend on the input).
 * @example
 * ```ts
 * mock.on(describeDataFlows).callsFake((input) =>
 *   input.NextToken === "bad" ? errorAnswer("InvalidParameter.InvalidNextToken", { httpStatus: 404 }) : { DataFlowInfo: {} },
 * );
 * ```
 * @throws TypeError when `code` is empty; RangeError when `httpStatus` is not an integer from 400 to 599.
 * @public
 */
export function errorAnswer(code: string, options: MockErrorOptions = {}): ErrorAnswer {
  if (typeof code !== "string" || code.length === 0) throw new TypeError("errorAnswer: code must be a non-empty string");
  const status = options.httpStatus;
  if (status !== undefined && !(Number.isInteger(status) && status >= 400 && status <= 599)) {
    throw new RangeError(`errorAnswer: httpStatus must be an integer from 400 to 599, got ${String(status)}`);
  }
  return Object.freeze({ code, options: Object.freeze({ ...options }), [BRAND]: true as const });
}

/** True when `value` was made by {@link errorAnswer}. */
export function isErrorAnswer(value: unknown): value is ErrorAnswer {
  return typeof value === "object" && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
}
