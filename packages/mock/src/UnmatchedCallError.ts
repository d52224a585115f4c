import type { TransportCallContext } from "@acs-modular/runtime";
import { formatValue } from "./formatValue.js";

// `instanceof` across the ESM and CJS builds of the mock (or two copies of it) checks this global brand,
// as the runtime's errors do, instead of the prototype chain.
const BRAND = Symbol.for("@acs-modular/mock/UnmatchedCallError");

/**
 * Thrown to the caller when no mock answers a call: it names the operation and the input, and lists the mocks
 * that exist. A plain `Error`, deliberately not an `AcsError`: code under test that handles SDK errors must
 * not mistake a gap in the test's mocks for a service failure and swallow it. It is never retried.
 * @public
 */
export class UnmatchedCallError extends Error {
  /** Always `UnmatchedCall`. */
  readonly code = "UnmatchedCall";
  /** Product of the unanswered call, e.g. `NAS`. */
  readonly product: string;
  /** API version of the unanswered call. */
  readonly apiVersion: string;
  /** Action of the unanswered call, e.g. `DescribeDataFlows`. */
  readonly action: string;
  /** The input as the transport saw it (idempotency token included). */
  readonly input: Readonly<Record<string, unknown>>;
  /** One line per registered mock, newest first (the order they are tried in). */
  readonly mocks: readonly string[];

  constructor(call: TransportCallContext, mocks: readonly string[]) {
    const listed = mocks.length === 0 ? "  (none)" : mocks.map((m) => `  - ${m}`).join("\n");
    super(
      `No mock answers ${call.product} ${call.action} (${call.apiVersion}) with input ${formatValue(call.input)}.\n` +
        `Mocks, newest first:\n${listed}\n` +
        "Add one with mock.on(operation, input?).resolves(output), or check the input the mocks expect.",
    );
    this.name = "UnmatchedCallError";
    this.product = call.product;
    this.apiVersion = call.apiVersion;
    this.action = call.action;
    this.input = call.input;
    this.mocks = mocks;
    Object.defineProperty(this, BRAND, { value: true });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}
