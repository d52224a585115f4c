import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { compileTemplates } from "../emit/templates.js";
import { writeOperation, type OperationJob, type OperationOutcome } from "./writeOperation.js";

/** What every worker is started with. */
export interface WorkerData {
  readonly rootDir: string;
  readonly check: boolean;
}

/** Consecutive operations sent to a worker at once; `first` is the index of the first. */
export interface WorkerBatch {
  readonly first: number;
  readonly jobs: readonly OperationJob[];
}

/** A worker's answer to one batch: an outcome per operation, or the error that stopped it. */
export type WorkerReply = { readonly first: number; readonly outcomes: OperationOutcome[] } | { readonly first: number; readonly error: string };

/** Below this many operations, starting workers (≈ 0.3 s each, loading TypeScript) costs more than it saves. */
const PARALLEL_FROM = 200;
/** Operations per message at most: small enough to keep every worker busy to the end, large enough that messaging is negligible. */
const MAX_BATCH = 20;

/**
 * Workers to use by default: one per core for a catalog, none for a few operations. Only the compiled
 * generator can start workers (the worker is `operationWorker.js`); run from TypeScript sources (tests),
 * it works on the calling thread.
 */
export function defaultWorkers(operations: number): number {
  if (operations < PARALLEL_FROM || !import.meta.url.endsWith(".js")) return 0;
  return availableParallelism();
}

/**
 * Writes every operation's package (see {@link writeOperation}) on `workers` worker threads, or on this
 * thread when `workers` is below 2. Packages are independent, so the order in which they are written does
 * not matter; outcomes are returned in the order of `jobs`, so reports are deterministic too.
 */
export async function writeOperations(rootDir: string, jobs: readonly OperationJob[], check: boolean, workers: number): Promise<OperationOutcome[]> {
  const count = Math.min(workers, jobs.length);
  if (count < 2) {
    const templates = compileTemplates("package");
    return jobs.map((job) => writeOperation(rootDir, job, templates, check));
  }
  const outcomes: OperationOutcome[] = new Array<OperationOutcome>(jobs.length);
  const data: WorkerData = { rootDir, check };
  const batch = Math.min(MAX_BATCH, Math.ceil(jobs.length / (count * 4)));
  const pool = Array.from({ length: count }, () => new Worker(new URL("./operationWorker.js", import.meta.url), { workerData: data }));
  let next = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let busy = 0;
      const feed = (worker: Worker): void => {
        if (next >= jobs.length) {
          if (busy === 0) resolve();
          return;
        }
        busy++;
        worker.postMessage({ first: next, jobs: jobs.slice(next, next + batch) } satisfies WorkerBatch);
        next += batch;
      };
      for (const worker of pool) {
        worker.on("message", (reply: WorkerReply) => {
          busy--;
          if ("error" in reply) {
            reject(new Error(reply.error));
            return;
          }
          reply.outcomes.forEach((o, i) => (outcomes[reply.first + i] = o));
          feed(worker);
        });
        worker.on("error", reject);
        worker.on("exit", (code) => {
          if (code !== 0) reject(new Error(`generator worker exited with code ${code}`));
        });
      }
      for (const worker of pool) feed(worker);
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return outcomes;
}
