// One `mock.on(operation, input?, strict?)`: which calls it matches, and the answers it still has to give.
// Answers given with `…Once` are used one per matching call, in order; then the lasting answer (`resolves`,
// `rejects`, `callsFake`) answers every further call. A registration with neither left is used up, and the
// mock looks further back for one that can answer (see AcsClientMock.ts).
import type { TransportCallContext } from "@acs-modular/runtime";
import type { ErrorAnswer } from "./errorAnswer.js";
import { formatValue } from "./formatValue.js";
import { matchInput } from "./matchInput.js";
import type { MockCallContext } from "./MockCall.js";
import type { MockedOperationDescriptor } from "./operation.js";

/** A `callsFake` handler with its types erased: the registration stores every operation's alike. */
export type AnyFakeHandler = (input: never, call: MockCallContext) => unknown;

/** One answer, as stored. */
export type Answer =
  | { readonly kind: "output"; readonly output: object }
  | { readonly kind: "error"; readonly answer: ErrorAnswer }
  | { readonly kind: "throw"; readonly error: Error }
  | { readonly kind: "fake"; readonly handler: AnyFakeHandler };

/** Which calls to pick: an operation, and optionally an input pattern compared partially or strictly. */
export interface CallFilter {
  readonly descriptor: MockedOperationDescriptor;
  readonly pattern: unknown;
  readonly strict: boolean;
}

/**
 * True when `call` is one of `filter`'s operation and its input matches. In strict mode the idempotency
 * token is left out of the comparison unless the pattern names it: the runtime fills it with a fresh UUID,
 * so no pattern written in advance could equal it.
 */
export function callMatches(filter: CallFilter, call: Pick<TransportCallContext, "product" | "apiVersion" | "action" | "input">): boolean {
  const { descriptor, pattern, strict } = filter;
  if (call.product !== descriptor.product || call.apiVersion !== descriptor.version || call.action !== descriptor.action) return false;
  if (pattern === undefined) return true;
  let input = call.input;
  const token = descriptor.idempotencyToken;
  if (strict && token !== undefined && typeof pattern === "object" && pattern !== null && !Object.hasOwn(pattern, token)) {
    const { [token]: _token, ...rest } = input;
    input = rest;
  }
  return matchInput(input, pattern, strict);
}

/** How a registration names itself in an `UnmatchedCallError`. */
function describeFilter(filter: CallFilter): string {
  const { descriptor, pattern, strict } = filter;
  const which = pattern === undefined ? "any input" : `input ${strict ? "equal to" : "matching"} ${formatValue(pattern)}`;
  return `${descriptor.product} ${descriptor.action} (${descriptor.version}), ${which}`;
}

function describeAnswer(answer: Answer): string {
  switch (answer.kind) {
    case "output":
      return "resolves";
    case "error":
      return `rejects ${answer.answer.code}`;
    case "throw":
      return `throws ${answer.error.name}`;
    case "fake":
      return "calls a fake";
  }
}

/** A registered mock of one operation. */
export class Registration implements CallFilter {
  readonly descriptor: MockedOperationDescriptor;
  readonly pattern: unknown;
  readonly strict: boolean;
  readonly #once: Answer[] = [];
  #lasting: Answer | undefined;

  constructor(filter: CallFilter) {
    this.descriptor = filter.descriptor;
    this.pattern = filter.pattern;
    this.strict = filter.strict;
  }

  /** Adds an answer for the next matching call not yet promised one. */
  addOnce(answer: Answer): void {
    this.#once.push(answer);
  }

  /** Sets the answer for every matching call once the `…Once` answers are used; replaces an earlier one. */
  setLasting(answer: Answer): void {
    this.#lasting = answer;
  }

  /** True when the registration still has an answer to give. */
  get canAnswer(): boolean {
    return this.#once.length > 0 || this.#lasting !== undefined;
  }

  /** The answer for the current call; a `…Once` answer is used up by it. Call only when {@link canAnswer}. */
  take(): Answer {
    const answer = this.#once.shift() ?? this.#lasting;
    if (answer === undefined) throw new Error("Registration.take: no answer left");
    return answer;
  }

  /** One line: the operation, the input it matches, and what it has left to answer. */
  describe(): string {
    const once = this.#once.length;
    const left: string[] = [];
    if (once > 0) left.push(`${once} once-answer${once > 1 ? "s" : ""} left`);
    if (this.#lasting) left.push(`${once > 0 ? "then " : ""}${describeAnswer(this.#lasting)}`);
    return `${describeFilter(this)} [${left.length > 0 ? left.join(", ") : "no answer left"}]`;
  }
}
