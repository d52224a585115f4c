import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AbortError } from "../errors/AbortError.js";
import { ServiceError } from "../errors/ServiceError.js";
import { WaiterError } from "./WaiterError.js";
import { waitUntil, type WaiterConfig, type WaiterState } from "./waitUntil.js";

const config: WaiterConfig = {
  name: "TaskCompleted",
  acceptors: [
    { state: "success", path: "Tasks[].Status", matcher: "all", expected: ["Completed"] },
    { state: "failure", path: "Tasks[].Status", matcher: "any", expected: ["Failed", "Canceled"] },
    { state: "retry", errorCode: "Task.NotFound" },
  ],
  minDelayMs: 1_000,
  maxDelayMs: 8_000,
  maxWaitMs: 60_000,
};

/** A poll answering the given statuses in turn (the last repeats); `Error` entries are thrown. */
function poller(answers: (string[] | Error)[]) {
  let i = 0;
  const poll = vi.fn(async () => {
    const a = answers[Math.min(i++, answers.length - 1)]!;
    if (a instanceof Error) throw a;
    return { Tasks: a.map((Status) => ({ Status })) };
  });
  return poll;
}

/** Runs the waiter to its end while advancing fake time: no real waiting. */
async function settle<T>(promise: Promise<T>): Promise<T> {
  let done = false;
  const tracked = promise.finally(() => (done = true));
  tracked.catch(() => undefined);
  while (!done) await vi.advanceTimersByTimeAsync(1_000);
  return tracked;
}

beforeEach(() => vi.useFakeTimers({ now: 1_700_000_000_000 }));
afterEach(() => vi.useRealTimers());

describe("waitUntil", () => {
  it("polls until every item is in the success state, with doubling delays", async () => {
    const poll = poller([["Pending"], ["Executing", "Completed"], ["Completed", "Completed"]]);
    const started = Date.now();
    const result = await settle(waitUntil(config, poll));
    expect(result).toMatchObject({ state: "success", attempts: 3 });
    expect(poll).toHaveBeenCalledTimes(3);
    // 1 s after the first poll, 2 s after the second.
    expect(Date.now() - started).toBeGreaterThanOrEqual(3_000);
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it("ends in failure as soon as one item fails, with the last answer and the state", async () => {
    const error = await settle(waitUntil(config, poller([["Executing"], ["Executing", "Failed"]]))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaiterError);
    expect(error).toMatchObject({ code: "WaiterFailure", reason: "failure", waiter: "TaskCompleted", lastOutput: { Tasks: [{ Status: "Executing" }, { Status: "Failed" }] } });
    expect((error as WaiterError).state.attempts).toBe(2);
  });

  it("times out at the maximum wait without polling past it", async () => {
    const poll = poller([["Executing"]]);
    const error = await settle(waitUntil(config, poll, { maxWaitMs: 10_000 })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "WaiterTimeout", reason: "timeout" });
    // Polls at 0, 1, 3 and 7 s; the next would be at 15 s, past the 10 s deadline.
    expect(poll).toHaveBeenCalledTimes(4);
  });

  it("keeps waiting through an error an acceptor names, and rethrows any other at once", async () => {
    const notYet = new ServiceError({ action: "DescribeTasks", code: "Task.NotFound", message: "", httpStatus: 404 });
    await expect(settle(waitUntil(config, poller([notYet, ["Completed"]])))).resolves.toMatchObject({ attempts: 2 });
    const denied = new ServiceError({ action: "DescribeTasks", code: "Forbidden.RAM", message: "", httpStatus: 403 });
    await expect(settle(waitUntil(config, poller([denied])))).rejects.toBe(denied);
  });

  it("does not count an empty list as all done", async () => {
    const error = await settle(waitUntil(config, poller([[]]), { maxWaitMs: 2_000 })).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: "timeout" });
  });

  it("resumes a wait from a saved state: same deadline, backoff and poll count", async () => {
    const saved: WaiterState[] = [];
    const first = await settle(waitUntil(config, poller([["Executing"]]), { maxWaitMs: 5_000, onPoll: (s) => saved.push(s) })).catch((e: unknown) => e);
    expect(first).toMatchObject({ reason: "timeout" });
    const state = JSON.parse(JSON.stringify(saved.at(-1))) as WaiterState;
    expect(state).toMatchObject({ waiter: "TaskCompleted", attempts: 3 });
    // After a restart, with more time: the resumed wait keeps counting from where it stood.
    const resumed = await settle(waitUntil(config, poller([["Completed"]]), { resume: { ...state, deadline: state.deadline + 60_000 } }));
    expect(resumed.attempts).toBe(4);
  });

  it("stops at once when the signal aborts, between polls", async () => {
    const controller = new AbortController();
    const poll = poller([["Executing"]]);
    const waiting = waitUntil(config, poll, { signal: controller.signal });
    await vi.advanceTimersByTimeAsync(500);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(AbortError);
    expect(poll).toHaveBeenCalledTimes(1);
  });

  it("passes the call options to every poll and rejects impossible delays before polling", async () => {
    const poll = vi.fn(async () => ({ Tasks: [{ Status: "Completed" }] }));
    await settle(waitUntil(config, poll, { timeoutMs: 5_000 }));
    expect(poll).toHaveBeenCalledWith({ timeoutMs: 5_000 });
    await expect(waitUntil(config, poll, { minDelayMs: -1 })).rejects.toThrow(RangeError);
    expect(poll).toHaveBeenCalledTimes(1);
  });
});
