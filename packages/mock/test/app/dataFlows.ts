// Stands for application code a user of acs-modular writes and wants to test: it knows nothing of the mock,
// takes an AcsClient, and imports the operations from their packages as production code does.
import type { AcsClient } from "@acs-modular/runtime";
import { createDataFlow, isCreateDataFlowDocumentedError } from "@acs-modular/nas-create-data-flow";
import { describeDataFlows, isDescribeDataFlowsError, type DescribeDataFlowsOutput } from "@acs-modular/nas-describe-data-flows";

/** One data flow as DescribeDataFlows lists it. */
export type DataFlow = NonNullable<NonNullable<DescribeDataFlowsOutput["DataFlowInfo"]>["DataFlow"]>[number];

/** The file system does not exist (or is not a CPFS one this account can see). */
export class FileSystemNotFound extends Error {
  constructor(readonly fileSystemId: string, options: { cause: unknown }) {
    super(`file system ${fileSystemId} not found`, options);
    this.name = "FileSystemNotFound";
  }
}

/** Another data flow already uses the fileset. */
export class FilesetBusy extends Error {
  constructor(readonly fsetId: string, options: { cause: unknown }) {
    super(`fileset ${fsetId} already has a data flow`, options);
    this.name = "FilesetBusy";
  }
}

/** Every data flow of a file system, following NextToken across pages. */
export async function listAllDataFlows(client: AcsClient, fileSystemId: string, pageSize = 100): Promise<DataFlow[]> {
  const flows: DataFlow[] = [];
  let nextToken: string | undefined;
  do {
    let page: DescribeDataFlowsOutput;
    try {
      page = await describeDataFlows(client, { FileSystemId: fileSystemId, MaxResults: pageSize, ...(nextToken ? { NextToken: nextToken } : {}) });
    } catch (error) {
      if (isDescribeDataFlowsError(error) && error.code === "InvalidFileSystem.NotFound") throw new FileSystemNotFound(fileSystemId, { cause: error });
      throw error;
    }
    flows.push(...(page.DataFlowInfo?.DataFlow ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  return flows;
}

/** What {@link ensureDataFlow} wants to exist. */
export interface DataFlowSpec {
  readonly fileSystemId: string;
  readonly fsetId: string;
  readonly sourceStorage: string;
  readonly throughput: 600 | 1200 | 1500 | 2000;
}

/** The id of the data flow from `sourceStorage` into the fileset, created when there is none yet. */
export async function ensureDataFlow(client: AcsClient, spec: DataFlowSpec): Promise<{ dataFlowId: string; created: boolean }> {
  const existing = (await listAllDataFlows(client, spec.fileSystemId)).find((f) => f.FsetId === spec.fsetId && f.SourceStorage === spec.sourceStorage);
  if (existing?.DataFlowId) return { dataFlowId: existing.DataFlowId, created: false };
  try {
    const { DataFlowId } = await createDataFlow(client, {
      FileSystemId: spec.fileSystemId,
      FsetId: spec.fsetId,
      SourceStorage: spec.sourceStorage,
      Throughput: spec.throughput,
    });
    if (!DataFlowId) throw new Error("CreateDataFlow answered without a DataFlowId");
    return { dataFlowId: DataFlowId, created: true };
  } catch (error) {
    if (isCreateDataFlowDocumentedError(error) && error.code === "OperationDenied.FsetAlreadyInUse") throw new FilesetBusy(spec.fsetId, { cause: error });
    throw error;
  }
}
