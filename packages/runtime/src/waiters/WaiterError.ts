import { AcsError } from "../errors/AcsError.js";
import type { WaiterState } from "./waitUntil.js";

/**
 * A waiter stopped without reaching its success state: the resource reached a failure state (`failure`), or the
 * maximum wait passed first (`timeout`). Carries the last answer and the state to resume from.
 * @public
 */
export class WaiterError<O = unknown> extends AcsError {
  readonly code: "WaiterFailure" | "WaiterTimeout";
  readonly reason: "failure" | "timeout";
  /** The waiter that stopped, e.g. `DataFlowSubTaskComplete`. */
  readonly waiter: string;
  /** The last answer polled, when there was one. */
  readonly lastOutput: O | undefined;
  /** Where the wait stood; a timed-out wait can be resumed from it with a larger `maxWaitMs`. */
  readonly state: WaiterState;

  constructor(waiter: string, reason: "failure" | "timeout", state: WaiterState, lastOutput: O | undefined, detail: string) {
    super(`${waiter}: ${reason === "failure" ? "reached a failure state" : "did not finish in time"} after ${state.attempts} poll(s) (${detail})`);
    this.code = reason === "failure" ? "WaiterFailure" : "WaiterTimeout";
    this.reason = reason;
    this.waiter = waiter;
    this.lastOutput = lastOutput;
    this.state = state;
  }
}
