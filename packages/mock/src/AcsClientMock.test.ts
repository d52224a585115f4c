import {
  AbortError,
  AcsClient,
  AcsError,
  NetworkError,
  ServiceError,
  TimeoutError,
  ValidationError,
  isDocumentedError,
  type ClientEvent,
} from "@acs-modular/runtime";
import { isCreateDataFlowDocumentedError } from "@acs-modular/nas-create-data-flow";
import { isDescribeDataFlowsDocumentedError, isDescribeDataFlowsError } from "@acs-modular/nas-describe-data-flows";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createDataFlow, describeDataFlows } from "../test/operations.js";
import { errorAnswer } from "./errorAnswer.js";
import { MOCK_CREDENTIALS, mockClient } from "./mockClient.js";
import { UnmatchedCallError } from "./UnmatchedCallError.js";

const FS = { FileSystemId: "cpfs-099394bd928c****" };
const CREATE = { ...FS, SourceStorage: "oss://bucket1", Throughput: 600 } as const;
const FLOWS = { DataFlowInfo: { DataFlow: [{ DataFlowId: "df-1", Status: "Running", Throughput: 600 }] } };

/** What the promise rejected with. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable("expected the call to fail"),
    (error: unknown) => error,
  );
}

afterEach(() => {
  vi.useRealTimers();
});

describe("mockClient answers", () => {
  it("resolves with the output, decoded by the runtime, with a request id filled in", async () => {
    const mock = mockClient();
    mock.on(describeDataFlows).resolves(FLOWS);
    const output = await describeDataFlows(mock.client, FS);
    expect(output).toEqual({ RequestId: "00000000-0000-4000-8000-000000000001", ...FLOWS });
  });

  it("keeps the RequestId an output gives", async () => {
    const mock = mockClient();
    mock.on(describeDataFlows).resolves({ RequestId: "2D69A58F-345C-4FDE-88E4-BF518948****", ...FLOWS });
    await expect(describeDataFlows(mock.client, FS)).resolves.toMatchObject({ RequestId: "2D69A58F-345C-4FDE-88E4-BF518948****" });
  });

  it("gives the caller a copy: changing the output object after resolves changes nothing", async () => {
    const mock = mockClient();
    const output = { DataFlowInfo: { DataFlow: [{ DataFlowId: "df-1" }] } };
    mock.on(describeDataFlows).resolves(output);
    const first = await describeDataFlows(mock.client, FS);
    expect(first.DataFlowInfo).not.toBe(output.DataFlowInfo);
    first.DataFlowInfo!.DataFlow!.push({ DataFlowId: "df-2" });
    expect((await describeDataFlows(mock.client, FS)).DataFlowInfo?.DataFlow).toEqual([{ DataFlowId: "df-1" }]);
  });

  it("rejects with a real ServiceError that the operation's guards recognise", async () => {
    const mock = mockClient();
    mock.on(describeDataFlows).rejects("InvalidFileSystem.NotFound", { httpStatus: 404, message: "The specified file system does not exist." });
    const error = await rejection(describeDataFlows(mock.client, FS));
    expect(error).toBeInstanceOf(ServiceError);
    expect(isDescribeDataFlowsError(error) && isDescribeDataFlowsDocumentedError(error)).toBe(true);
    expect(error).toMatchObject({
      action: "DescribeDataFlows",
      product: "NAS",
      code: "InvalidFileSystem.NotFound",
      httpStatus: 404,
      serviceMessage: "The specified file system does not exist.",
      requestId: "00000000-0000-4000-8000-000000000001",
      hostId: "nas.cn-hangzhou.aliyuncs.com",
      retryable: false,
    });
  });

  it("answers a code with the status the descriptor documents for it, when it carries the table", async () => {
    const documented = Object.assign(async (...args: Parameters<typeof createDataFlow>) => createDataFlow(...args), {
      descriptor: { ...createDataFlow.descriptor, errors: { "OperationDenied.FsetAlreadyInUse": [403] } },
    });
    const mock = mockClient();
    mock.on(documented).rejects("OperationDenied.FsetAlreadyInUse");
    const error = await rejection(documented(mock.client, CREATE));
    expect(isCreateDataFlowDocumentedError(error) && error.code === "OperationDenied.FsetAlreadyInUse" && error.httpStatus).toBe(403);
    // The runtime's guard accepts a documented code only with a documented status.
    expect(isDocumentedError(documented.descriptor, error)).toBe(true);
  });

  it("answers 400 for a code it knows no status for", async () => {
    const mock = mockClient();
    mock.on(describeDataFlows).rejects("Some.Undocumented");
    await expect(rejection(describeDataFlows(mock.client, FS))).resolves.toMatchObject({ code: "Some.Undocumented", httpStatus: 400 });
  });

  it("makes the transport throw an Error given to rejects, as a network failure would", async () => {
    const mock = mockClient();
    const reset = new NetworkError("Request failed: ECONNRESET", "ECONNRESET");
    mock.on(describeDataFlows).rejects(reset);
    await expect(rejection(describeDataFlows(mock.client, FS))).resolves.toBe(reset);
  });

  it("uses resolvesOnce and rejectsOnce answers in order, then the lasting one", async () => {
    const mock = mockClient();
    mock
      .on(describeDataFlows)
      .resolvesOnce({ NextToken: "page-2" })
      .rejectsOnce("Throttling.User")
      .resolves({ DataFlowInfo: { DataFlow: [] } });
    await expect(describeDataFlows(mock.client, FS)).resolves.toMatchObject({ NextToken: "page-2" });
    await expect(rejection(describeDataFlows(mock.client, FS))).resolves.toMatchObject({ code: "Throttling.User", retryable: true });
    await expect(describeDataFlows(mock.client, FS)).resolves.toMatchObject({ DataFlowInfo: { DataFlow: [] } });
    await expect(describeDataFlows(mock.client, FS)).resolves.toMatchObject({ DataFlowInfo: { DataFlow: [] } });
  });

  it("calls a fake with the input, synchronous or asynchronous", async () => {
    const mock = mockClient();
    mock
      .on(describeDataFlows)
      .callsFakeOnce((input) => ({ DataFlowInfo: { DataFlow: [{ FileSystemId: input.FileSystemId }] } }))
      .callsFake(async (input, call) => ({ NextToken: `${call.action}:${input.MaxResults ?? "default"}` }));
    await expect(describeDataFlows(mock.client, FS)).resolves.toMatchObject({ DataFlowInfo: { DataFlow: [{ FileSystemId: FS.FileSystemId }] } });
    await expect(describeDataFlows(mock.client, { ...FS, MaxResults: 50 })).resolves.toMatchObject({ NextToken: "DescribeDataFlows:50" });
  });

  it("lets a fake answer a service error with errorAnswer, or fail by throwing", async () => {
    const mock = mockClient();
    mock
      .on(describeDataFlows)
      .callsFakeOnce(() => errorAnswer("InvalidParameter.InvalidNextToken", { httpStatus: 404 }))
      .callsFakeOnce(() => {
        throw new TimeoutError("read", 10_000);
      })
      .callsFake(() => {
        throw "not an Error"; // eslint-disable-line @typescript-eslint/only-throw-error
      });
    await expect(rejection(describeDataFlows(mock.client, FS))).resolves.toMatchObject({ code: "InvalidParameter.InvalidNextToken", httpStatus: 404 });
    await expect(rejection(describeDataFlows(mock.client, FS))).resolves.toBeInstanceOf(TimeoutError);
    const odd = await rejection(describeDataFlows(mock.client, FS));
    expect(odd).toBeInstanceOf(TypeError);
    expect((odd as TypeError).message).toBe("callsFake handler threw a non-Error value: not an Error");
  });

  it("fails loudly when a fake returns no object", async () => {
    const mock = mockClient();
    mock.on(describeDataFlows).callsFake((() => undefined) as never);
    await expect(describeDataFlows(mock.client, FS)).rejects.toThrow(
      new TypeError("callsFake handler for DescribeDataFlows returned undefined; return the output object or errorAnswer(code)"),
    );
  });

  it("refuses an output that is not an object when it is registered", () => {
    const mock = mockClient();
    expect(() => mock.on(describeDataFlows).resolves(null as never)).toThrow("resolves: the output must be an object (the decoded body), got null");
    expect(() => mock.on(describeDataFlows).callsFake("x" as never)).toThrow(TypeError);
  });
});

describe("mockClient matching", () => {
  it("matches a partial input, nested objects and arrays included", async () => {
    const mock = mockClient();
    mock.on(describeDataFlows, { Filters: [{ Key: "Status" }] }).resolves({ NextToken: "by-status" });
    mock.on(describeDataFlows, { ...FS, Filters: [{ Key: "FsetIds", Value: "fset-1" }] }).resolves({ NextToken: "by-fset" });
    const call = (Key: "Status" | "FsetIds", Value: string) => describeDataFlows(mock.client, { ...FS, MaxResults: 20, Filters: [{ Key, Value }] });
    await expect(call("FsetIds", "fset-1")).resolves.toMatchObject({ NextToken: "by-fset" });
    await expect(call("Status", "Running")).resolves.toMatchObject({ NextToken: "by-status" });
  });

  it("lets the mock registered last win when several match", async () => {
    const mock = mockClient();
    mock.on(describeDataFlows).resolves({ NextToken: "any" });
    mock.on(describeDataFlows, FS).resolves({ NextToken: "this file system" });
    await expect(describeDataFlows(mock.client, FS)).resolves.toMatchObject({ NextToken: "this file system" });
    await expect(describeDataFlows(mock.client, { FileSystemId: "cpfs-other" })).resolves.toMatchObject({ NextToken: "any" });
    mock.on(describeDataFlows).resolves({ NextToken: "newest" });
    await expect(describeDataFlows(mock.client, FS)).resolves.toMatchObject({ NextToken: "newest" });
  });

  it("falls back to earlier mocks once a later mock's once-answers are used up", async () => {
    const mock = mockClient();
    mock.on(describeDataFlows).resolves({ NextToken: "lasting" });
    mock.on(describeDataFlows).resolvesOnce({ NextToken: "first" });
    await expect(describeDataFlows(mock.client, FS)).resolves.toMatchObject({ NextToken: "first" });
    await expect(describeDataFlows(mock.client, FS)).resolves.toMatchObject({ NextToken: "lasting" });
  });

  it("tells operations apart by their descriptor", async () => {
    const mock = mockClient();
    mock.on(createDataFlow).resolves({ DataFlowId: "df-new" });
    await expect(rejection(describeDataFlows(mock.client, FS))).resolves.toBeInstanceOf(UnmatchedCallError);
    await expect(createDataFlow(mock.client, CREATE)).resolves.toMatchObject({ DataFlowId: "df-new" });
  });

  it("matches strictly when asked, leaving out the idempotency token the runtime filled in", async () => {
    const mock = mockClient();
    mock.on(createDataFlow, CREATE, true).resolves({ DataFlowId: "df-exact" });
    await expect(createDataFlow(mock.client, CREATE)).resolves.toMatchObject({ DataFlowId: "df-exact" });
    await expect(rejection(createDataFlow(mock.client, { ...CREATE, Description: "more" }))).resolves.toBeInstanceOf(UnmatchedCallError);
  });

  it("fails an unmatched call with an UnmatchedCallError naming the call and listing the mocks", async () => {
    const mock = mockClient();
    mock.on(describeDataFlows, { FileSystemId: "cpfs-a" }).resolves(FLOWS);
    mock.on(createDataFlow).resolvesOnce({ DataFlowId: "df-1" });
    await createDataFlow(mock.client, CREATE);
    const error = await rejection(describeDataFlows(mock.client, { FileSystemId: "cpfs-b", MaxResults: 10 }));
    expect(error).toBeInstanceOf(UnmatchedCallError);
    expect(error).not.toBeInstanceOf(AcsError);
    expect(error).toMatchObject({ code: "UnmatchedCall", product: "NAS", apiVersion: "2017-06-26", action: "DescribeDataFlows", input: { FileSystemId: "cpfs-b", MaxResults: 10 } });
    expect((error as Error).message).toBe(
      "No mock answers NAS DescribeDataFlows (2017-06-26) with input { FileSystemId: 'cpfs-b', MaxResults: 10 }.\n" +
        "Mocks, newest first:\n" +
        "  - NAS CreateDataFlow (2017-06-26), any input [no answer left]\n" +
        "  - NAS DescribeDataFlows (2017-06-26), input matching { FileSystemId: 'cpfs-a' } [resolves]\n" +
        "Add one with mock.on(operation, input?).resolves(output), or check the input the mocks expect.",
    );
  });

  it("says so when no mock is registered at all", async () => {
    const error = await rejection(describeDataFlows(mockClient().client, FS));
    expect((error as Error).message).toContain("Mocks, newest first:\n  (none)\n");
  });

  it("refuses an anonymous operation without a descriptor too", () => {
    expect(() => mockClient().on((async () => ({})) as never)).toThrow(
      "The operation has no descriptor (product, version, action), so the mock cannot tell its calls apart. " +
        "Until the generator attaches it, do: Object.assign(operation, { descriptor })",
    );
  });

  it("refuses an operation without a descriptor, saying how to attach one", () => {
    const bare = async function listThings(): Promise<object> {
      return {};
    };
    expect(() => mockClient().on(bare as never)).toThrow(
      "listThings has no descriptor (product, version, action), so the mock cannot tell its calls apart. " +
        "Until the generator attaches it, do: Object.assign(listThings, { descriptor: listThingsDescriptor })",
    );
  });
});

describe("mockClient keeps the runtime's behaviour", () => {
  it("lets a ValidationError reach the caller before anything is sent", async () => {
    const mock = mockClient();
    mock.on(describeDataFlows).resolves(FLOWS);
    const error = await rejection(describeDataFlows(mock.client, { ...FS, MaxResults: 500 }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: "MaxResults" });
    expect(mock.calls()).toEqual([]);
  });

  it("signs every request with the mock's test credentials", async () => {
    const mock = mockClient();
    mock.on(describeDataFlows).resolves(FLOWS);
    await describeDataFlows(mock.client, FS);
    const { request } = mock.calls()[0]!;
    expect(request).toMatchObject({ method: "POST", protocol: "https:", host: "nas.cn-hangzhou.aliyuncs.com" });
    expect(request.headers.authorization).toMatch(new RegExp(`^ACS3-HMAC-SHA256 Credential=${MOCK_CREDENTIALS.accessKeyId},`));
    expect(request.headers["x-acs-action"]).toBe("DescribeDataFlows");
  });

  it("does not retry a mocked error by default", async () => {
    const mock = mockClient();
    mock.on(describeDataFlows).rejects("Throttling.User");
    await expect(rejection(describeDataFlows(mock.client, FS))).resolves.toMatchObject({ code: "Throttling.User" });
    expect(mock.calls()).toHaveLength(1);
  });

  it("runs the real retries when given maxAttempts, each attempt a call in the history", async () => {
    vi.useFakeTimers();
    const events: ClientEvent[] = [];
    const mock = mockClient({ maxAttempts: 3, onEvent: (event) => events.push(event) });
    mock.on(describeDataFlows).rejectsOnce("Throttling.User").rejectsOnce("ServiceUnavailable").resolves(FLOWS);
    const pending = describeDataFlows(mock.client, FS);
    await vi.runAllTimersAsync();
    await expect(pending).resolves.toMatchObject(FLOWS);
    expect(mock.calls().map((c) => (c.error as ServiceError | undefined)?.code ?? "ok")).toEqual(["Throttling.User", "ServiceUnavailable", "ok"]);
    expect(events.filter((e) => e.type === "attempt-end").map((e) => e.type === "attempt-end" && e.httpStatus)).toEqual([400, 503, 200]);
  });

  it("keeps the same idempotency token across retried attempts", async () => {
    vi.useFakeTimers();
    const mock = mockClient({ maxAttempts: 2 });
    mock.on(createDataFlow).rejectsOnce("Throttling.User").resolves({ DataFlowId: "df-1" });
    const pending = createDataFlow(mock.client, CREATE);
    await vi.runAllTimersAsync();
    await pending;
    const [first, second] = mock.calls(createDataFlow);
    expect(first?.input.ClientToken).toMatch(/^[0-9a-f-]{36}$/);
    expect(second?.input.ClientToken).toBe(first?.input.ClientToken);
  });

  it("ends an answer that never comes when the call's deadline passes, as a TimeoutError", async () => {
    vi.useFakeTimers();
    const mock = mockClient();
    mock.on(describeDataFlows).callsFake(() => new Promise<never>(() => undefined));
    const pending = rejection(describeDataFlows(mock.client, FS, { timeoutMs: 2_000 }));
    await vi.advanceTimersByTimeAsync(2_000);
    await expect(pending).resolves.toMatchObject({ name: "TimeoutError", phase: "total", timeoutMs: 2_000 });
  });

  it("ends it when the caller aborts, as an AbortError", async () => {
    const mock = mockClient();
    const controller = new AbortController();
    mock.on(describeDataFlows).callsFake((_, call) => {
      expect(call.signal).toBe(controller.signal);
      controller.abort("user gave up");
      return new Promise<never>(() => undefined);
    });
    const error = await rejection(describeDataFlows(mock.client, FS, { signal: controller.signal }));
    expect(error).toBeInstanceOf(AbortError);
    expect(mock.calls()[0]?.error).toBe(error);
  });

  it("keeps the test credentials and no retries when plain JavaScript passes undefined options", async () => {
    const mock = mockClient({ credentials: undefined, maxAttempts: undefined, region: undefined } as never);
    mock.on(describeDataFlows).rejects("Throttling.User");
    await rejection(describeDataFlows(mock.client, FS));
    expect(mock.calls()).toHaveLength(1);
    expect(mock.calls()[0]?.request.headers.authorization).toContain(`Credential=${MOCK_CREDENTIALS.accessKeyId},`);
    expect(mock.client.config.region).toBe("cn-hangzhou");
  });

  it("answers a client the caller builds on mock.transport", async () => {
    const mock = mockClient();
    mock.on(describeDataFlows).resolves(FLOWS);
    const client = new AcsClient({ region: "cn-shanghai", credentials: MOCK_CREDENTIALS, transport: mock.transport });
    await expect(describeDataFlows(client, FS)).resolves.toMatchObject(FLOWS);
    expect(mock.calls()[0]?.request.host).toBe("nas.cn-shanghai.aliyuncs.com");
  });
});

describe("mockClient history", () => {
  it("lists every call in order with its input and what the caller got", async () => {
    const mock = mockClient();
    mock.on(describeDataFlows).resolves(FLOWS);
    mock.on(createDataFlow).rejects("OperationDenied.NoStock", { httpStatus: 403 });
    await describeDataFlows(mock.client, FS);
    await rejection(createDataFlow(mock.client, CREATE));
    const [describeCall, createCall] = mock.calls();
    expect(mock.calls()).toHaveLength(2);
    expect(describeCall).toMatchObject({ product: "NAS", apiVersion: "2017-06-26", action: "DescribeDataFlows", input: FS, output: { ...FLOWS, RequestId: expect.any(String) } });
    expect(describeCall?.error).toBeUndefined();
    expect(createCall).toMatchObject({ action: "CreateDataFlow", input: { ...CREATE, ClientToken: expect.any(String) } });
    expect(createCall?.output).toBeUndefined();
    expect(createCall?.error).toBeInstanceOf(ServiceError);
    expect(createCall?.error).toMatchObject({ action: "CreateDataFlow", product: "NAS", code: "OperationDenied.NoStock", httpStatus: 403 });
  });

  it("filters by operation, and by input like on()", async () => {
    const mock = mockClient();
    mock.on(describeDataFlows).resolves(FLOWS);
    mock.on(createDataFlow).resolves({ DataFlowId: "df-1" });
    await describeDataFlows(mock.client, { FileSystemId: "cpfs-a" });
    await createDataFlow(mock.client, CREATE);
    await describeDataFlows(mock.client, { FileSystemId: "cpfs-b", MaxResults: 10 });
    expect(mock.calls(describeDataFlows).map((c) => c.input.FileSystemId)).toEqual(["cpfs-a", "cpfs-b"]);
    expect(mock.calls(describeDataFlows, { MaxResults: 10 }).map((c) => c.input.FileSystemId)).toEqual(["cpfs-b"]);
    expect(mock.calls(describeDataFlows, { FileSystemId: "cpfs-b" }, true)).toEqual([]);
    expect(mock.calls(createDataFlow).map((c) => c.output?.DataFlowId)).toEqual(["df-1"]);
  });

  it("records unmatched calls too, with their UnmatchedCallError", async () => {
    const mock = mockClient();
    const error = await rejection(describeDataFlows(mock.client, FS));
    expect(mock.calls()).toMatchObject([{ action: "DescribeDataFlows", input: FS }]);
    expect(mock.calls()[0]?.error).toBe(error);
  });

  it("copies the input, so that later changes to the caller's object do not show", async () => {
    const mock = mockClient();
    mock.on(describeDataFlows).resolves(FLOWS);
    const input: { FileSystemId: string; MaxResults?: number } = { ...FS };
    await describeDataFlows(mock.client, input);
    input.MaxResults = 99;
    expect(mock.calls()[0]?.input).toEqual(FS);
  });

  it("is cleared by resetHistory, which keeps the mocks", async () => {
    const mock = mockClient();
    mock.on(describeDataFlows).resolves(FLOWS);
    await describeDataFlows(mock.client, FS);
    expect(mock.resetHistory().calls()).toEqual([]);
    await expect(describeDataFlows(mock.client, FS)).resolves.toMatchObject(FLOWS);
  });

  it("is cleared with the mocks and the request ids by reset", async () => {
    const mock = mockClient();
    mock.on(describeDataFlows).resolves(FLOWS);
    await describeDataFlows(mock.client, FS);
    expect(mock.reset().calls()).toEqual([]);
    await expect(rejection(describeDataFlows(mock.client, FS))).resolves.toBeInstanceOf(UnmatchedCallError);
    mock.reset().on(describeDataFlows).resolves(FLOWS);
    await expect(describeDataFlows(mock.client, FS)).resolves.toMatchObject({ RequestId: "00000000-0000-4000-8000-000000000001" });
  });
});
