import type { HttpRequest } from "@acs-modular/runtime";

/**
 * One request a mock received, as `calls()` lists it: which operation, the input as the transport saw it
 * (the idempotency token the runtime filled included), the signed request, and what the caller got.
 * @public
 */
export interface MockCall<I = Readonly<Record<string, unknown>>, O = unknown> {
  /** Product, e.g. `NAS`. */
  readonly product: string;
  /** API version, e.g. `2017-06-26`. */
  readonly apiVersion: string;
  /** Action, e.g. `DescribeDataFlows`. */
  readonly action: string;
  /** The input, copied when the request arrived (later changes to the caller's object do not show). */
  readonly input: I;
  /** The signed HTTP request the runtime built (signed with the mock's test credentials). */
  readonly request: HttpRequest;
  /**
   * The decoded output the caller received. Set once the answer settles; with `error`, neither is set while
   * an asynchronous `callsFake` handler is still running.
   */
  readonly output?: O;
  /**
   * What the caller was rejected with: the `ServiceError` of a mocked service error (same code, status,
   * message and request id as the one the caller caught), the error a mock threw, or an
   * `UnmatchedCallError`.
   */
  readonly error?: Error;
}

/**
 * What a `callsFake` handler is told about the call besides its input.
 * @public
 */
export interface MockCallContext {
  /** Product, e.g. `NAS`. */
  readonly product: string;
  /** API version, e.g. `2017-06-26`. */
  readonly apiVersion: string;
  /** Action, e.g. `DescribeDataFlows`. */
  readonly action: string;
  /** The signed HTTP request the runtime built. */
  readonly request: HttpRequest;
  /** The call's signal (the caller's, or the one of its `timeoutMs`), if any; the mock rejects when it fires. */
  readonly signal: AbortSignal | undefined;
}
