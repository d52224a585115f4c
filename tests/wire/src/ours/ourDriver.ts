// Calls our generated package for an operation: imports `packages/<code>/<kebab-action>/src/index.ts` (names
// from the generator's own naming module) and calls its `camelCase(action)` function with an AcsClient pointed at
// the capture server, one attempt, date and nonce pinned through the client's `signing` option.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { AcsClient } from "@acs-modular/runtime";
import { operationNames } from "../../../../generator/src/model/naming.js";
import { REPO_ROOT } from "../metadata/loadMetadata.js";
import type { WireCredentials } from "../official/officialDriver.js";
import type { PinnedSigning } from "../official/pinClock.js";
import type { ProductCode } from "../products.js";

type OperationFn = (client: AcsClient, input: unknown) => Promise<unknown>;

export interface OurOperation {
  readonly packageDir: string;
  readonly functionName: string;
  readonly fn: OperationFn;
  /** The idempotency token parameter of the operation's descriptor, if it has one. */
  readonly idempotencyToken?: string;
}

export interface OurOutcome {
  /** The error our call ended with (a ValidationError means nothing was sent); never contains credentials. */
  readonly error?: string;
  /** Whether the error is a ValidationError (input rejected before any I/O). */
  readonly validation?: boolean;
}

/**
 * Where generated packages are looked up: the repository (default), or another tree laid out the same way
 * (`WIRE_PACKAGES_ROOT=/tmp/gen`, with `/tmp/gen/packages/<code>/<operation>`), to compare a generator's output
 * before it is committed.
 */
export const PACKAGES_ROOT = process.env.WIRE_PACKAGES_ROOT ?? REPO_ROOT;

/** The generated package's source entry of an operation. */
export function ourEntry(code: ProductCode, action: string): { packageDir: string; entry: string; functionName: string } {
  const names = operationNames(code, action);
  return { packageDir: names.packageDir, entry: join(PACKAGES_ROOT, names.packageDir, "src", "index.ts"), functionName: names.functionName };
}

/** Loads our operation, or `undefined` when its package is not generated (yet). */
export async function loadOurOperation(code: ProductCode, action: string): Promise<OurOperation | undefined> {
  const { packageDir, entry, functionName } = ourEntry(code, action);
  if (!existsSync(entry)) return undefined;
  const mod = (await import(pathToFileURL(entry).href)) as Record<string, unknown>;
  const fn = mod[functionName];
  if (typeof fn !== "function") throw new Error(`${packageDir}/src/index.ts exports no function ${functionName}`);
  const descriptor = Object.entries(mod).find(([k]) => k.endsWith("Descriptor"))?.[1] as { idempotencyToken?: string } | undefined;
  return { packageDir, functionName, fn: fn as OperationFn, ...(descriptor?.idempotencyToken ? { idempotencyToken: descriptor.idempotencyToken } : {}) };
}

function describeError(e: unknown): { error: string; validation: boolean } {
  if (e instanceof Error) {
    const x = e as Error & { code?: unknown; field?: unknown; reason?: unknown };
    const validation = e.name === "ValidationError" || x.code === "ValidationError";
    const detail = validation && typeof x.field === "string" ? ` ${x.field}: ${String(x.reason ?? "")}` : "";
    return { error: `${e.name}${typeof x.code === "string" ? ` ${x.code}` : ""}${detail || `: ${e.message.split("\n")[0]!.slice(0, 200)}`}`, validation };
  }
  return { error: String(e), validation: false };
}

/** Sends one call with our package. */
export async function callOurs(op: OurOperation, host: string, credentials: WireCredentials, pinned: PinnedSigning, input: Readonly<Record<string, unknown>>): Promise<OurOutcome> {
  const client = new AcsClient({
    region: "cn-hangzhou",
    endpoint: host,
    protocol: "http",
    credentials,
    maxAttempts: 1,
    signing: { now: () => pinned.date, nonce: () => pinned.nonce },
  });
  try {
    await op.fn(client, input);
    return {};
  } catch (e) {
    return describeError(e);
  }
}
