// Type-level tests: run by `vitest --typecheck` and by `tsc` (the package's typecheck script), both under
// exactOptionalPropertyTypes (tsconfig.base.json).
import type { AcsClient, CallOptions, CommonErrorCode } from "@acs-modular/runtime";
import { NetworkError } from "@acs-modular/runtime";
import type { CreateDataFlowInput, CreateDataFlowOutput } from "@acs-modular/nas-create-data-flow";
import type { DescribeDataFlowsInput, DescribeDataFlowsOutput } from "@acs-modular/nas-describe-data-flows";
import { describe, expect, expectTypeOf, it } from "vitest";
import { createDataFlow, describeDataFlows } from "../test/operations.js";
import {
  errorAnswer,
  mockClient,
  type AcsClientMock,
  type InputPattern,
  type MockCall,
  type MockOutput,
  type OperationBehavior,
  type OperationErrorCode,
  type OperationInput,
  type OperationOutput,
} from "./index.js";

declare const mock: AcsClientMock;

describe("mockClient types", () => {
  it("gives a real AcsClient to pass to operations", () => {
    expectTypeOf(mockClient()).toEqualTypeOf<AcsClientMock>();
    expectTypeOf(mock.client).toEqualTypeOf<AcsClient>();
    expectTypeOf(describeDataFlows(mock.client, { FileSystemId: "x" })).resolves.toEqualTypeOf<DescribeDataFlowsOutput>();
  });

  it("takes any client option but the transport, all optional", () => {
    mockClient({ region: "cn-shanghai", maxAttempts: 3, retry: { baseDelayMs: 1 } });
    // @ts-expect-error the transport is the mock's own
    mockClient({ transport: async () => ({ status: 200, headers: {}, body: "{}" }) });
    // @ts-expect-error exactOptionalPropertyTypes: an option is left out, not undefined
    mockClient({ maxAttempts: undefined });
  });

  it("infers input and output from the operation function", () => {
    expectTypeOf<OperationInput<typeof describeDataFlows>>().toEqualTypeOf<DescribeDataFlowsInput>();
    expectTypeOf<OperationOutput<typeof describeDataFlows>>().toEqualTypeOf<DescribeDataFlowsOutput>();
    expectTypeOf(mock.on(createDataFlow)).toEqualTypeOf<OperationBehavior<typeof createDataFlow>>();
  });

  it("takes the input of an operation whose input may be left out as the object the mock sees", () => {
    type NoRequired = ((client: AcsClient, input?: { PageSize?: number }, options?: CallOptions) => Promise<{ RequestId: string }>) & {
      readonly descriptor: { readonly product: string; readonly version: string; readonly action: string };
    };
    expectTypeOf<OperationInput<NoRequired>>().toEqualTypeOf<{ PageSize?: number }>();
    mock.on({} as NoRequired, { PageSize: 10 }).callsFake((input) => ({ RequestId: String(input.PageSize) }));
  });

  it("accepts only operations that carry a descriptor", () => {
    const bare = async (_client: AcsClient, _input: { A: string }, _options?: CallOptions): Promise<{ RequestId: string }> => ({ RequestId: "r" });
    // @ts-expect-error no descriptor
    mock.on(bare);
    mock.on(Object.assign(bare, { descriptor: { product: "P", version: "v", action: "A" } }));
  });
});

describe("on(operation, input) types", () => {
  it("checks the partial input against the operation's input, at every depth", () => {
    mock.on(describeDataFlows, { FileSystemId: "cpfs-1" });
    mock.on(describeDataFlows, {});
    mock.on(describeDataFlows, { Filters: [{ Key: "FsetIds" }] });
    // @ts-expect-error FileSystemId is a string
    mock.on(describeDataFlows, { FileSystemId: 1 });
    // @ts-expect-error not a parameter of DescribeDataFlows
    mock.on(describeDataFlows, { FileSystemID: "cpfs-1" });
    // @ts-expect-error not a filter key
    mock.on(describeDataFlows, { Filters: [{ Key: "Bogus" }] });
    // @ts-expect-error a parameter of another operation
    mock.on(describeDataFlows, { SourceStorage: "oss://b" });
  });

  it("allows undefined to mean 'left out' and vitest's asymmetric matchers", () => {
    mock.on(describeDataFlows, { NextToken: undefined });
    mock.on(createDataFlow, { ClientToken: expect.any(String) }, true);
    expectTypeOf<InputPattern<{ A?: string; B: { C: number }[] }>>().toEqualTypeOf<{
      readonly A?: string | undefined;
      readonly B?: readonly { readonly C?: number | undefined }[] | undefined;
    }>();
  });
});

describe("answer types", () => {
  it("checks resolves against the output, RequestId optional", () => {
    mock.on(describeDataFlows).resolves({ DataFlowInfo: { DataFlow: [{ DataFlowId: "df-1", Throughput: 600 }] } });
    mock.on(describeDataFlows).resolves({ RequestId: "r" });
    mock.on(createDataFlow).resolvesOnce({ DataFlowId: "df-1" }).resolves({});
    // @ts-expect-error Throughput is a number
    mock.on(describeDataFlows).resolves({ DataFlowInfo: { DataFlow: [{ Throughput: "fast" }] } });
    // @ts-expect-error not a field of the output
    mock.on(createDataFlow).resolves({ DataFlowID: "df-1" });
    // @ts-expect-error the output of another operation
    mock.on(createDataFlow).resolves({ DataFlowInfo: {} });
    expectTypeOf<MockOutput<CreateDataFlowOutput>>().toMatchTypeOf<{ readonly RequestId?: string; DataFlowId?: string }>();
  });

  it("offers the common codes, accepts any code, and checks the options", () => {
    expectTypeOf<Extract<OperationErrorCode<typeof describeDataFlows>, CommonErrorCode>>().toEqualTypeOf<CommonErrorCode>();
    mock.on(describeDataFlows).rejects("InvalidFileSystem.NotFound", { httpStatus: 404, message: "gone", requestId: "r" });
    mock.on(describeDataFlows).rejects(new NetworkError("reset", "ECONNRESET"));
    mock.on(describeDataFlows).rejectsOnce("Throttling.User").rejects("InternalError");
    // @ts-expect-error an option rejects does not have
    mock.on(describeDataFlows).rejects("X", { status: 404 });
    // @ts-expect-error exactOptionalPropertyTypes: leave message out instead
    mock.on(describeDataFlows).rejects("X", { message: undefined });
    // @ts-expect-error neither a code nor an Error
    mock.on(describeDataFlows).rejects(404);
  });

  it("types the documented codes when the descriptor's type lists them", () => {
    type Documented = ((client: AcsClient, input: { A: string }) => Promise<object>) & {
      readonly descriptor: { product: string; version: string; action: string; errors: { "Quota.Exceeded": readonly [403] } };
    };
    // Extract keeps a literal only when it is a member of the union itself (what an editor offers).
    expectTypeOf<Extract<OperationErrorCode<Documented>, "Quota.Exceeded">>().toEqualTypeOf<"Quota.Exceeded">();
    expectTypeOf<Extract<OperationErrorCode<typeof describeDataFlows>, "Quota.Exceeded">>().toBeNever();
  });

  it("gives a fake the input and checks what it returns", () => {
    mock.on(describeDataFlows).callsFake((input, call) => {
      expectTypeOf(input).toEqualTypeOf<DescribeDataFlowsInput>();
      expectTypeOf(call.action).toEqualTypeOf<string>();
      return { NextToken: input.NextToken ?? "first" };
    });
    mock.on(createDataFlow).callsFake(async (input) => (input.DryRun ? errorAnswer("DryRunOperation") : { DataFlowId: "df-1" }));
    // @ts-expect-error DataFlowId is a string
    mock.on(createDataFlow).callsFake(() => ({ DataFlowId: 1 }));
  });
});

describe("history types", () => {
  it("types the calls of an operation by its input and output", () => {
    expectTypeOf(mock.calls()).toEqualTypeOf<readonly MockCall[]>();
    const [call] = mock.calls(createDataFlow);
    expectTypeOf(call!.input).toEqualTypeOf<CreateDataFlowInput>();
    expectTypeOf(call!.output).toEqualTypeOf<CreateDataFlowOutput | undefined>();
    expectTypeOf(call!.error).toEqualTypeOf<Error | undefined>();
    mock.calls(createDataFlow, { FsetId: "fset-1" });
    // @ts-expect-error not a parameter of CreateDataFlow
    mock.calls(createDataFlow, { NextToken: "x" });
  });

  it("chains reset and resetHistory", () => {
    expectTypeOf(mock.reset().resetHistory()).toEqualTypeOf<AcsClientMock>();
  });
});
