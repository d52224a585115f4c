import type { CallOptions } from "../client.js";
import { AcsError } from "../errors/AcsError.js";
import { abortableSleep } from "../retry/abortableSleep.js";
import { WaiterError } from "./WaiterError.js";
import { valuesAt } from "./valuesAt.js";

/**
 * One rule of a waiter: when the values at `path` of an answer (`[]` walks every item of a list:
 * `DataFlowSubTask.DataFlowSubTask[].Status`) match `expected` — `all` of them, and there is at least one, or
 * `any` of them — the wait ends in `state` (`retry` keeps waiting). With `errorCode` instead of `path`, the
 * rule matches a service error of that code (a resource not visible yet, or already gone).
 * @public
 */
export type WaiterAcceptor =
  | { readonly state: "success" | "failure" | "retry"; readonly path: string; readonly matcher: "all" | "any"; readonly expected: readonly (string | number | boolean)[] }
  | { readonly state: "success" | "failure" | "retry"; readonly errorCode: string };

/** A waiter as a generated package declares it (from the spec's `x-acs-waiters`). @public */
export interface WaiterConfig {
  readonly name: string;
  readonly acceptors: readonly WaiterAcceptor[];
  /** First delay between polls; it doubles up to `maxDelayMs`. */
  readonly minDelayMs: number;
  readonly maxDelayMs: number;
  /** Default longest wait. */
  readonly maxWaitMs: number;
}

/**
 * Where a wait stands, as plain JSON: persist it (see {@link WaitOptions.onPoll}) and pass it back as
 * `resume` after a restart to continue the same wait (same deadline, same backoff step).
 * @public
 */
export interface WaiterState {
  readonly waiter: string;
  /** Epoch ms when the wait started. */
  readonly startedAt: number;
  /** Epoch ms after which no further poll starts. */
  readonly deadline: number;
  /** Polls made so far. */
  readonly attempts: number;
}

/** Options of a waiter; the call options are passed to every poll (their `signal` cancels the wait). @public */
export interface WaitOptions extends CallOptions {
  /** Longest wait; default the waiter's. Ignored when resuming (the resumed wait keeps its deadline). */
  readonly maxWaitMs?: number;
  readonly minDelayMs?: number;
  readonly maxDelayMs?: number;
  /** Continue a wait from a state saved earlier. */
  readonly resume?: WaiterState;
  /** Called after every poll with the state to persist and the answer. */
  readonly onPoll?: (state: WaiterState, output: unknown) => void;
}

/** How a successful wait ended. @public */
export interface WaiterResult<O> {
  readonly state: "success";
  readonly output: O;
  readonly attempts: number;
  readonly waitedMs: number;
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0 || value > 2 ** 31 - 1) throw new RangeError(`${name} must be a positive number of milliseconds below 2^31`);
  return value;
}

type Verdict = { state: "success" | "failure" | "retry"; detail: string } | undefined;

function judgeOutput(acceptors: readonly WaiterAcceptor[], output: unknown): Verdict {
  for (const a of acceptors) {
    if (!("path" in a)) continue;
    const values = valuesAt(output, a.path);
    const hit = (v: unknown): boolean => a.expected.includes(v as string | number | boolean);
    const matched = a.matcher === "all" ? values.length > 0 && values.every(hit) : values.some(hit);
    if (matched) return { state: a.state, detail: `${a.path} ${a.matcher === "all" ? "all" : "one"} of ${JSON.stringify(a.expected)}` };
  }
  return undefined;
}

function judgeError(acceptors: readonly WaiterAcceptor[], error: unknown): Verdict {
  const code = error instanceof AcsError ? error.code : undefined;
  for (const a of acceptors) if ("errorCode" in a && a.errorCode === code) return { state: a.state, detail: `error ${code}` };
  return undefined;
}

/**
 * Polls with `poll` until an acceptor ends the wait: resolves on success; rejects with a {@link WaiterError}
 * on a failure state or when the maximum wait passes (no poll starts after the deadline), and with the poll's
 * own error when it is not an acceptor's. Between polls it waits `minDelayMs`, doubling to `maxDelayMs`, never
 * past the deadline; `signal` cancels the wait at once (an `AbortError`).
 * @public
 */
export async function waitUntil<O>(config: WaiterConfig, poll: (options: CallOptions) => Promise<O>, options: WaitOptions = {}): Promise<WaiterResult<O>> {
  const { maxWaitMs, minDelayMs, maxDelayMs, resume, onPoll, ...callOptions } = options;
  const minDelay = positive("minDelayMs", minDelayMs ?? config.minDelayMs);
  const maxDelay = Math.max(minDelay, positive("maxDelayMs", maxDelayMs ?? config.maxDelayMs));
  const startedAt = resume?.startedAt ?? Date.now();
  let state: WaiterState = resume ?? { waiter: config.name, startedAt, deadline: startedAt + positive("maxWaitMs", maxWaitMs ?? config.maxWaitMs), attempts: 0 };
  let last: O | undefined;
  for (;;) {
    let verdict: Verdict;
    try {
      last = await poll(callOptions);
      verdict = judgeOutput(config.acceptors, last);
    } catch (error) {
      verdict = judgeError(config.acceptors, error);
      if (verdict === undefined) throw error;
    }
    state = { ...state, attempts: state.attempts + 1 };
    onPoll?.(state, last);
    if (verdict?.state === "success") return { state: "success", output: last as O, attempts: state.attempts, waitedMs: Date.now() - state.startedAt };
    if (verdict?.state === "failure") throw new WaiterError(config.name, "failure", state, last, verdict.detail);
    const remaining = state.deadline - Date.now();
    const delay = Math.min(maxDelay, minDelay * 2 ** Math.min(state.attempts - 1, 30));
    if (remaining <= 0 || delay > remaining) throw new WaiterError(config.name, "timeout", state, last, `waited ${Date.now() - state.startedAt} ms`);
    await abortableSleep(delay, callOptions.signal);
  }
}
