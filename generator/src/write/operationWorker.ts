// Worker thread of writeOperations(): compiles the templates once, then writes the batches of operations
// the main thread sends, answering each with its outcomes in the order received.
import { parentPort, workerData } from "node:worker_threads";
import { compileTemplates } from "../emit/templates.js";
import { writeOperation, type OperationJob } from "./writeOperation.js";
import type { WorkerBatch, WorkerData, WorkerReply } from "./operationPool.js";

const { rootDir, check } = workerData as WorkerData;
const templates = compileTemplates("package");
const port = parentPort!;

port.on("message", (batch: WorkerBatch) => {
  let reply: WorkerReply;
  try {
    reply = { first: batch.first, outcomes: batch.jobs.map((job: OperationJob) => writeOperation(rootDir, job, templates, check)) };
  } catch (error) {
    reply = { first: batch.first, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
