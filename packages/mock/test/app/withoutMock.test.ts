// Why the mock is needed: the same application code, given a plain AcsClient, goes to the network. Node's
// https.request is replaced by a stub that records the request and fails it, so nothing leaves the process.
// The stub must be in place before the runtime first loads node:https (it keeps the function it finds), and
// no other test in this package uses the HTTP transport, so that load happens here.
import https from "node:https";
import { syncBuiltinESMExports } from "node:module";
import { AcsClient, AcsError } from "@acs-modular/runtime";
import { afterAll, describe, expect, it, vi } from "vitest";
import { MOCK_CREDENTIALS, mockClient } from "../../src/index.js";
import { describeDataFlows } from "../operations.js";
import { listAllDataFlows } from "./dataFlows.js";

class Intercepted extends Error {}

const request = vi.spyOn(https, "request").mockImplementation(() => {
  throw new Intercepted("https.request intercepted by the test");
});
// The runtime's ES build loads node:https with import(): its named export follows the patched module object
// only once the builtins' ES exports are synced (Node's documented way to patch a builtin for ESM users).
syncBuiltinESMExports();

afterAll(() => {
  request.mockRestore();
  syncBuiltinESMExports();
});

describe("the application code", () => {
  it("sends an HTTPS request to the NAS endpoint when given a client without the mock", async () => {
    const client = new AcsClient({ region: "cn-hangzhou", credentials: MOCK_CREDENTIALS, maxAttempts: 1 });

    const error = await listAllDataFlows(client, "cpfs-099394bd928c****").catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Intercepted);
    expect(error).not.toBeInstanceOf(AcsError);
    expect(request).toHaveBeenCalledTimes(1);
    expect(request.mock.calls[0]?.[0]).toMatchObject({ method: "POST", hostname: "nas.cn-hangzhou.aliyuncs.com", port: 443 });
  });

  it("gets its answer from the mock, and https.request is never called, when given mock.client", async () => {
    request.mockClear();
    const mock = mockClient();
    mock.on(describeDataFlows).resolves({ DataFlowInfo: { DataFlow: [{ DataFlowId: "df-1" }] } });

    await expect(listAllDataFlows(mock.client, "cpfs-099394bd928c****")).resolves.toMatchObject([{ DataFlowId: "df-1" }]);
    expect(request).not.toHaveBeenCalled();
  });
});
