// A user waits for a data-flow subtask to finish: the waiter polls a local server until the subtask completes,
// fails, or the wait runs out. Delays are shortened for the test; assertions are on what happened, not on time.
import { afterEach, describe, expect, it } from "vitest";
import { WaiterError } from "@acs-modular/runtime";
import { jsonReply, type FakeServer } from "@acs-modular/testing";
import { waitUntilDataFlowSubTaskComplete } from "../../../packages/nas/describe-data-flow-sub-tasks/src/index.ts";
import { localNas } from "./support.js";

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Answers the statuses in turn (the last repeats). */
async function serveStatuses(statuses: string[]) {
  const nas = await localNas((_, i) =>
    jsonReply(200, { RequestId: `r-${i}`, DataFlowSubTask: { DataFlowSubTask: [{ DataFlowSubTaskId: "subTaskId-1", Status: statuses[Math.min(i, statuses.length - 1)] }] } }),
  );
  server = nas.server;
  return nas.client;
}

const input = { FileSystemId: "bmcpfs-1", Filters: [{ Key: "DataFlowSubTaskIds" as const, Value: "subTaskId-1" }] };
const fast = { minDelayMs: 5, maxDelayMs: 20 };

describe("waiting with a waiter", () => {
  it("reaches success once the subtask completes", async () => {
    const client = await serveStatuses(["CREATED", "RUNNING", "COMPLETE"]);
    const result = await waitUntilDataFlowSubTaskComplete(client, input, fast);
    expect(result.state).toBe("success");
    expect(result.attempts).toBe(3);
    expect(result.output.DataFlowSubTask?.DataFlowSubTask?.[0]?.Status).toBe("COMPLETE");
    expect(server!.requests).toHaveLength(3);
  });

  it("ends in failure when the subtask fails", async () => {
    const client = await serveStatuses(["RUNNING", "FAILED"]);
    const error = await waitUntilDataFlowSubTaskComplete(client, input, fast).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaiterError);
    expect(error).toMatchObject({ code: "WaiterFailure", waiter: "DataFlowSubTaskComplete" });
    expect((error as WaiterError).state.attempts).toBe(2);
  });

  it("times out when the subtask never finishes, with a state to resume from", async () => {
    const client = await serveStatuses(["RUNNING"]);
    const error = await waitUntilDataFlowSubTaskComplete(client, input, { ...fast, maxWaitMs: 60 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "WaiterTimeout", reason: "timeout" });
    const { state } = error as WaiterError;
    expect(state.attempts).toBeGreaterThanOrEqual(1);
    expect(state.attempts).toBe(server!.requests.length);
  });
});
