// The mock: a real AcsClient whose transport answers from registered mocks instead of the network. Everything
// before and after the transport is the runtime's own: input validation, serialization, signing (with test
// credentials), retries (off unless asked for) and decoding, so the caller sees what production would give.
import { AbortError, AcsClient } from "@acs-modular/runtime";
import type { ClientConfig, HttpRequest, HttpResponse, Transport, TransportCallContext, TransportOptions } from "@acs-modular/runtime";
import { isErrorAnswer } from "./errorAnswer.js";
import { errorReply, errorResponse, outputResponse, rawResponse, serviceErrorOf, type AnswerContext } from "./httpAnswer.js";
import type { MockCall, MockCallContext } from "./MockCall.js";
import { Behavior, type OperationBehavior } from "./OperationBehavior.js";
import type { InputPattern, MockableOperation, MockedOperationDescriptor, OperationInput, OperationOutput } from "./operation.js";
import { Registration, callMatches, type Answer } from "./registration.js";
import { UnmatchedCallError } from "./UnmatchedCallError.js";
import { untilAborted } from "./untilAborted.js";

/**
 * A mock of Alibaba Cloud for tests. Pass {@link AcsClientMock.client} where the code under test takes an
 * `AcsClient` (or {@link AcsClientMock.transport} where it builds its own), then say how each operation
 * answers with {@link AcsClientMock.on}. Made by `mockClient()`.
 * @public
 */
export interface AcsClientMock {
  /** A real `AcsClient` (test credentials, retries off unless configured) whose requests this mock answers. */
  readonly client: AcsClient;
  /**
   * The transport behind {@link AcsClientMock.client}, for code under test that builds its own client:
   * `new AcsClient({ region, credentials: MOCK_CREDENTIALS, transport: mock.transport })`.
   */
  readonly transport: Transport;
  /**
   * Registers a mock of `operation`: for every call, or only calls whose input matches `input` (partially,
   * at every depth; exactly when `strict`). When several mocks match a call, the one registered last answers,
   * as in aws-sdk-client-mock; a mock whose answers are used up lets earlier ones answer.
   * @throws TypeError when `operation` carries no `descriptor`.
   */
  on<Op extends MockableOperation>(operation: Op, input?: InputPattern<OperationInput<Op>>, strict?: boolean): OperationBehavior<Op>;
  /** Every request received since the mock was made or last reset, in order, each operation's alike. */
  calls(): readonly MockCall[];
  /** The requests of `operation` received so far, in order; with `input`, only those whose input matches it. */
  calls<Op extends MockableOperation>(
    operation: Op,
    input?: InputPattern<OperationInput<Op>>,
    strict?: boolean,
  ): readonly MockCall<OperationInput<Op>, OperationOutput<Op>>[];
  /** Removes every mock and the call history: the state of a new mock (use it in `beforeEach`). */
  reset(): this;
  /** Clears the call history and keeps the mocks. */
  resetHistory(): this;
}

/** A history entry while its answer is pending; `calls()` hands it out read-only. */
interface CallRecord {
  product: string;
  apiVersion: string;
  action: string;
  input: Readonly<Record<string, unknown>>;
  request: HttpRequest;
  output?: unknown;
  error?: Error;
}

function descriptorOf(operation: unknown): MockedOperationDescriptor {
  const descriptor = typeof operation === "function" ? (operation as { descriptor?: Partial<MockedOperationDescriptor> }).descriptor : undefined;
  if (
    typeof descriptor !== "object" ||
    descriptor === null ||
    typeof descriptor.product !== "string" ||
    typeof descriptor.version !== "string" ||
    typeof descriptor.action !== "string"
  ) {
    const name = typeof operation === "function" ? operation.name : "";
    const fix = name ? `Object.assign(${name}, { descriptor: ${name}Descriptor })` : "Object.assign(operation, { descriptor })";
    throw new TypeError(
      `${name || "The operation"} has no descriptor (product, version, action), so the mock cannot tell its calls apart. ` +
        `Until the generator attaches it, do: ${fix}`,
    );
  }
  return descriptor as MockedOperationDescriptor;
}

/** A copy of the input for the history and handlers: the caller may reuse or change its object afterwards. */
function copyInput(input: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  try {
    return structuredClone(input);
  } catch {
    return { ...input };
  }
}

/** A request id like Alibaba Cloud's (UUID-shaped), numbered so that tests can rely on it. */
function mockRequestId(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).toUpperCase().padStart(12, "0")}`;
}

/**
 * What `answer` stands for: an output, or an error answer. A mocked thrown error, or a handler that throws,
 * rejects (a non-Error thrown by a handler becomes a TypeError saying so).
 */
async function settle(answer: Answer, input: Readonly<Record<string, unknown>>, context: MockCallContext): Promise<unknown> {
  switch (answer.kind) {
    case "output":
      return answer.output;
    case "error":
      return answer.answer;
    case "throw":
      throw answer.error;
    case "fake":
      try {
        return await answer.handler(input as never, context);
      } catch (error) {
        if (error instanceof Error) throw error;
        throw new TypeError(`callsFake handler threw a non-Error value: ${String(error)}`, { cause: error });
      }
  }
}

/** The {@link AcsClientMock} behind `mockClient()`. */
export class ClientMock implements AcsClientMock {
  readonly #registrations: Registration[] = [];
  readonly #history: CallRecord[] = [];
  #requests = 0;
  readonly transport: Transport = (request, options) => this.#answer(request, options);
  readonly client: AcsClient;

  constructor(settings: Omit<ClientConfig, "transport">) {
    this.client = new AcsClient({ ...settings, transport: this.transport });
  }

  on<Op extends MockableOperation>(operation: Op, input?: InputPattern<OperationInput<Op>>, strict = false): OperationBehavior<Op> {
    const registration = new Registration({ descriptor: descriptorOf(operation), pattern: input, strict });
    this.#registrations.push(registration);
    return new Behavior<Op>(this, registration);
  }

  calls(): readonly MockCall[];
  calls<Op extends MockableOperation>(operation: Op, input?: InputPattern<OperationInput<Op>>, strict?: boolean): readonly MockCall<OperationInput<Op>, OperationOutput<Op>>[];
  calls(operation?: MockableOperation, input?: unknown, strict = false): readonly MockCall<never, never>[] {
    const filter = operation === undefined ? undefined : { descriptor: descriptorOf(operation), pattern: input, strict };
    const picked = filter === undefined ? this.#history.slice() : this.#history.filter((call) => callMatches(filter, call));
    // The records are the operation's calls, so typed as its input and output; `never` lets one
    // implementation serve both overloads.
    return picked as unknown as readonly MockCall<never, never>[];
  }

  reset(): this {
    this.#registrations.length = 0;
    this.#requests = 0;
    return this.resetHistory();
  }

  resetHistory(): this {
    this.#history.length = 0;
    return this;
  }

  /** The newest registration that matches `call` and still has an answer. */
  #find(call: TransportCallContext): Registration | undefined {
    for (let i = this.#registrations.length - 1; i >= 0; i--) {
      const registration = this.#registrations[i]!;
      if (registration.canAnswer && callMatches(registration, call)) return registration;
    }
    return undefined;
  }

  async #answer(request: HttpRequest, options: TransportOptions): Promise<HttpResponse> {
    const call = options.call;
    if (call === undefined) {
      throw new TypeError("@acs-modular/mock: the transport was called without options.call; the runtime in use is older than this mock supports");
    }
    const input = copyInput(call.input);
    const record: CallRecord = { product: call.product, apiVersion: call.apiVersion, action: call.action, input, request };
    this.#history.push(record);
    try {
      // As the HTTP transport: an aborted call sends nothing, so it uses up no answer either.
      if (options.signal?.aborted) throw new AbortError(options.signal.reason);
      const registration = this.#find({ ...call, input });
      if (registration === undefined) {
        throw new UnmatchedCallError(record, this.#registrations.map((r) => r.describe()).reverse());
      }
      const answer = registration.take();
      const fakeContext: MockCallContext = { product: call.product, apiVersion: call.apiVersion, action: call.action, request, signal: options.signal };
      const settled = await untilAborted(settle(answer, input, fakeContext), options.signal);
      const context: AnswerContext = {
        product: call.product,
        host: request.host,
        documentedErrors: registration.descriptor.errors,
        requestId: mockRequestId(++this.#requests),
      };
      if (isErrorAnswer(settled)) {
        const reply = errorReply(settled, context);
        record.error = serviceErrorOf(reply, call);
        return errorResponse(reply);
      }
      const raw = rawResponse(registration.descriptor.response, settled, context.requestId);
      if (raw !== undefined) {
        record.output = settled as object;
        return raw;
      }
      if (typeof settled !== "object" || settled === null) {
        throw new TypeError(`callsFake handler for ${call.action} returned ${settled === null ? "null" : typeof settled}; return the output object or errorAnswer(code)`);
      }
      const response = outputResponse(settled, context);
      record.output = JSON.parse(response.body as string);
      return response;
    } catch (error) {
      record.error = error as Error;
      throw error;
    }
  }
}
