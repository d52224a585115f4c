// What `mock.on(operation, input?)` returns: the methods that set a registration's answers, typed by the
// operation function (input, output, error codes). Method names and chaining follow aws-sdk-client-mock:
// the lasting answers return the mock, the `…Once` ones return the behaviour so more can follow.
import type { AcsClientMock } from "./AcsClientMock.js";
import { errorAnswer, type ErrorAnswer, type MockErrorOptions } from "./errorAnswer.js";
import type { MockCallContext } from "./MockCall.js";
import type { MockOutput, MockableOperation, OperationErrorCode, OperationInput, OperationOutput } from "./operation.js";
import type { Answer, AnyFakeHandler, Registration } from "./registration.js";

/**
 * What a `callsFake` handler returns: the output, or an {@link ErrorAnswer} (made by `errorAnswer`) for a
 * service error. To fail the call as the transport would (a `NetworkError`, a `TimeoutError`), throw.
 * @public
 */
export type FakeResult<Op> = MockOutput<OperationOutput<Op>> | ErrorAnswer;

/**
 * A `callsFake` handler: receives the input as the transport saw it (the runtime's idempotency token
 * included) and the call's context; may be synchronous or return a promise.
 * @public
 */
export type FakeHandler<Op> = (input: OperationInput<Op>, call: MockCallContext) => FakeResult<Op> | PromiseLike<FakeResult<Op>>;

/**
 * How the calls one `on(operation, input?)` matches are answered. Answers set with `…Once` are used one per
 * call in the order given; after them, the lasting answer (`resolves`, `rejects`, `callsFake`) answers
 * every further call. A later lasting answer replaces an earlier one.
 * @public
 */
export interface OperationBehavior<Op extends MockableOperation> {
  /** Answers every matching call with HTTP 200 and `output` as JSON. Returns the mock, for more `on(…)`. */
  resolves(output: MockOutput<OperationOutput<Op>>): AcsClientMock;
  /** Answers the next matching call with `output`. Chain more `…Once` answers, or a lasting one, after it. */
  resolvesOnce(output: MockOutput<OperationOutput<Op>>): OperationBehavior<Op>;
  /**
   * Answers every matching call with an Alibaba Cloud error body, so the caller gets a real `ServiceError`
   * that the operation's guards (`isDescribeDataFlowsError`) recognise. Status: `options.httpStatus`, else the
   * operation's documented status for the code, else 400 (500/503 for `InternalError`/`ServiceUnavailable`).
   */
  rejects(code: OperationErrorCode<Op>, options?: MockErrorOptions): AcsClientMock;
  /** Makes the transport throw `error` on every matching call (a `NetworkError`, a `TimeoutError`, …). */
  rejects(error: Error): AcsClientMock;
  /** `rejects(code, options)` for the next matching call only. */
  rejectsOnce(code: OperationErrorCode<Op>, options?: MockErrorOptions): OperationBehavior<Op>;
  /** `rejects(error)` for the next matching call only. */
  rejectsOnce(error: Error): OperationBehavior<Op>;
  /** Answers every matching call with what `handler` returns (or throws) for its input. */
  callsFake(handler: FakeHandler<Op>): AcsClientMock;
  /** `callsFake(handler)` for the next matching call only. */
  callsFakeOnce(handler: FakeHandler<Op>): OperationBehavior<Op>;
}

function outputAnswer(output: unknown): Answer {
  if (typeof output !== "object" || output === null) {
    throw new TypeError(`resolves: the output must be an object (the decoded body), got ${output === null ? "null" : typeof output}`);
  }
  return { kind: "output", output };
}

function rejection(codeOrError: string | Error, options: MockErrorOptions | undefined): Answer {
  if (codeOrError instanceof Error) return { kind: "throw", error: codeOrError };
  return { kind: "error", answer: errorAnswer(codeOrError, options) };
}

function fake(handler: unknown): Answer {
  if (typeof handler !== "function") throw new TypeError("callsFake: the handler must be a function");
  return { kind: "fake", handler: handler as AnyFakeHandler };
}

/** The {@link OperationBehavior} of one registration. */
export class Behavior<Op extends MockableOperation> implements OperationBehavior<Op> {
  readonly #mock: AcsClientMock;
  readonly #registration: Registration;

  constructor(mock: AcsClientMock, registration: Registration) {
    this.#mock = mock;
    this.#registration = registration;
  }

  resolves(output: MockOutput<OperationOutput<Op>>): AcsClientMock {
    this.#registration.setLasting(outputAnswer(output));
    return this.#mock;
  }

  resolvesOnce(output: MockOutput<OperationOutput<Op>>): OperationBehavior<Op> {
    this.#registration.addOnce(outputAnswer(output));
    return this;
  }

  rejects(codeOrError: OperationErrorCode<Op> | Error, options?: MockErrorOptions): AcsClientMock {
    this.#registration.setLasting(rejection(codeOrError, options));
    return this.#mock;
  }

  rejectsOnce(codeOrError: OperationErrorCode<Op> | Error, options?: MockErrorOptions): OperationBehavior<Op> {
    this.#registration.addOnce(rejection(codeOrError, options));
    return this;
  }

  callsFake(handler: FakeHandler<Op>): AcsClientMock {
    this.#registration.setLasting(fake(handler));
    return this.#mock;
  }

  callsFakeOnce(handler: FakeHandler<Op>): OperationBehavior<Op> {
    this.#registration.addOnce(fake(handler));
    return this;
  }
}
