import { nodeHttpTransport } from "./nodeHttpTransport.js";
import { formatFixture } from "./fixture.js";
import { fixtureFromExchange } from "./redactExchange.js";
import type { Transport } from "./types.js";

/** Environment variable naming the folder that {@link recordingTransportFromEnv} records into. */
export const RECORD_FIXTURES_ENV = "ACS_RECORD_FIXTURES";

export interface RecordingTransportOptions {
  /** Folder to write into; each fixture goes to `<dir>/<Action>/live.<ok|ErrorCode>.<n>.json`. */
  readonly dir: string;
  /** The transport that really sends the request. Default: {@link nodeHttpTransport}. */
  readonly next?: Transport;
  /** Called with the path of every fixture written. */
  readonly onRecorded?: (file: string) => void;
}

/** File-name-safe form of an error code: `InvalidTaskId.NotFound` stays, anything odd becomes `_`. */
function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, "_");
}

/** Writes `content` to the first free `<base>.<n>.json`, never replacing an existing fixture. */
async function writeNew(base: string, content: string): Promise<string> {
  const { writeFile } = await import("node:fs/promises");
  for (let n = 1; ; n++) {
    const file = `${base}.${n}.json`;
    try {
      await writeFile(file, content, { flag: "wx" });
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

/**
 * A transport that sends through `next` and writes every exchange it sees as a redacted `live` fixture
 * (see fixtures/README.md). For maintainers with real credentials: pass it as the client's `transport`,
 * call operations, then move the files into `packages/<product>/<operation>/fixtures/`. Requests sent
 * without an operation context (not through an operation function) are passed through unrecorded.
 * Node only: `node:fs` and `node:path` are loaded when the first fixture is written, not at import.
 */
export function recordingTransport(options: RecordingTransportOptions): Transport {
  const next = options.next ?? nodeHttpTransport;
  return async (request, transportOptions) => {
    const response = await next(request, transportOptions);
    const call = transportOptions.call;
    if (call) {
      const fixture = fixtureFromExchange({
        source: "live",
        operation: { product: call.product, apiVersion: call.apiVersion, action: call.action },
        input: call.input,
        request,
        response,
      });
      const label = "output" in fixture.expected ? "ok" : slug(fixture.expected.error.code);
      const { join } = await import("node:path");
      const dir = join(options.dir, slug(call.action));
      // A recording that cannot be written must not turn a call that succeeded into an error: the caller
      // would retry, and a write would act twice. The failure is reported instead.
      try {
        const { mkdir } = await import("node:fs/promises");
        await mkdir(dir, { recursive: true });
        const file = await writeNew(join(dir, `live.${label}`), formatFixture(fixture));
        options.onRecorded?.(file);
      } catch (error) {
        process.emitWarning(`acs-modular: could not write a fixture into ${dir}: ${(error as Error).message}`, "AcsRecordingWarning");
      }
    }
    return response;
  };
}

/**
 * `recordingTransport` into the folder named by `ACS_RECORD_FIXTURES` when it is set, else `next` unchanged:
 * `new AcsClient({ region, transport: recordingTransportFromEnv() })` records only when a maintainer asks.
 * (`env` is typed without Node's global types, so the published .d.ts compiles in apps without @types/node.)
 */
export function recordingTransportFromEnv(env: Readonly<Record<string, string | undefined>> = process.env, next: Transport = nodeHttpTransport): Transport {
  const dir = env[RECORD_FIXTURES_ENV];
  return dir ? recordingTransport({ dir, next }) : next;
}
