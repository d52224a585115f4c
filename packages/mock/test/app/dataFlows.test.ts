// A user's own tests of their code (dataFlows.ts), written with the mock as the README shows.
import { NetworkError, ServiceError, ValidationError } from "@acs-modular/runtime";
import { beforeEach, describe, expect, it } from "vitest";
import { mockClient } from "../../src/index.js";
import { createDataFlow, describeDataFlows } from "../operations.js";
import { FileSystemNotFound, FilesetBusy, ensureDataFlow, listAllDataFlows } from "./dataFlows.js";

const mock = mockClient();
const SPEC = { fileSystemId: "cpfs-099394bd928c****", fsetId: "fset-1902718ea0ae****", sourceStorage: "oss://bucket1", throughput: 600 } as const;

beforeEach(() => {
  mock.reset();
});

describe("listAllDataFlows", () => {
  it("follows NextToken across pages", async () => {
    mock
      .on(describeDataFlows, { FileSystemId: SPEC.fileSystemId, NextToken: undefined })
      .resolves({ NextToken: "page-2", DataFlowInfo: { DataFlow: [{ DataFlowId: "df-1" }] } })
      .on(describeDataFlows, { FileSystemId: SPEC.fileSystemId, NextToken: "page-2" })
      .resolves({ DataFlowInfo: { DataFlow: [{ DataFlowId: "df-2" }] } });

    const flows = await listAllDataFlows(mock.client, SPEC.fileSystemId);

    expect(flows.map((f) => f.DataFlowId)).toEqual(["df-1", "df-2"]);
    expect(mock.calls(describeDataFlows).map((c) => c.input)).toEqual([
      { FileSystemId: SPEC.fileSystemId, MaxResults: 100 },
      { FileSystemId: SPEC.fileSystemId, MaxResults: 100, NextToken: "page-2" },
    ]);
  });

  it("turns InvalidFileSystem.NotFound into FileSystemNotFound", async () => {
    mock.on(describeDataFlows).rejects("InvalidFileSystem.NotFound", { httpStatus: 404 });

    const error = await listAllDataFlows(mock.client, "cpfs-gone").catch((e: unknown) => e);

    expect(error).toBeInstanceOf(FileSystemNotFound);
    expect((error as FileSystemNotFound).cause).toBeInstanceOf(ServiceError);
    expect((error as FileSystemNotFound).cause).toMatchObject({ code: "InvalidFileSystem.NotFound", httpStatus: 404 });
  });

  it("lets other service errors through unchanged", async () => {
    mock.on(describeDataFlows).rejects("OperationDenied.DataFlowNotSupported", { httpStatus: 403 });

    await expect(listAllDataFlows(mock.client, SPEC.fileSystemId)).rejects.toMatchObject({ name: "ServiceError", code: "OperationDenied.DataFlowNotSupported" });
  });

  it("gets the ValidationError production would give for a page size the API refuses, and sends nothing", async () => {
    mock.on(describeDataFlows).resolves({ DataFlowInfo: { DataFlow: [] } });

    await expect(listAllDataFlows(mock.client, SPEC.fileSystemId, 500)).rejects.toThrow(ValidationError);
    expect(mock.calls()).toHaveLength(0);
  });

  it("fails on a network error without retrying it itself", async () => {
    mock.on(describeDataFlows).rejects(new NetworkError("Request failed: ECONNRESET", "ECONNRESET"));

    await expect(listAllDataFlows(mock.client, SPEC.fileSystemId)).rejects.toThrow(NetworkError);
    expect(mock.calls()).toHaveLength(1);
  });
});

describe("ensureDataFlow", () => {
  it("returns the existing data flow and creates nothing", async () => {
    mock.on(describeDataFlows).resolves({ DataFlowInfo: { DataFlow: [{ DataFlowId: "df-1", FsetId: SPEC.fsetId, SourceStorage: SPEC.sourceStorage }] } });

    await expect(ensureDataFlow(mock.client, SPEC)).resolves.toEqual({ dataFlowId: "df-1", created: false });
    expect(mock.calls(createDataFlow)).toHaveLength(0);
  });

  it("creates the data flow when there is none, with an idempotency token", async () => {
    mock.on(describeDataFlows).resolves({ DataFlowInfo: { DataFlow: [{ DataFlowId: "df-other", FsetId: "fset-other" }] } });
    mock.on(createDataFlow).resolves({ DataFlowId: "df-new" });

    await expect(ensureDataFlow(mock.client, SPEC)).resolves.toEqual({ dataFlowId: "df-new", created: true });
    expect(mock.calls(createDataFlow)[0]?.input).toEqual({
      FileSystemId: SPEC.fileSystemId,
      FsetId: SPEC.fsetId,
      SourceStorage: SPEC.sourceStorage,
      Throughput: 600,
      ClientToken: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it("reports a fileset another data flow holds as FilesetBusy", async () => {
    mock.on(describeDataFlows).resolves({ DataFlowInfo: { DataFlow: [] } });
    mock.on(createDataFlow, { FsetId: SPEC.fsetId }).rejects("OperationDenied.FsetAlreadyInUse", { httpStatus: 403 });

    await expect(ensureDataFlow(mock.client, SPEC)).rejects.toThrow(FilesetBusy);
  });

  it("fails when CreateDataFlow answers without an id", async () => {
    mock.on(describeDataFlows).resolves({ DataFlowInfo: { DataFlow: [] } });
    mock.on(createDataFlow).callsFake(() => ({}));

    await expect(ensureDataFlow(mock.client, SPEC)).rejects.toThrow("CreateDataFlow answered without a DataFlowId");
  });
});
