import { AbortError } from "../errors/AbortError.js";
import { MalformedResponseError } from "../errors/MalformedResponseError.js";
import { NetworkError } from "../errors/NetworkError.js";
import { TimeoutError } from "../errors/TimeoutError.js";
import type { HttpRequest, HttpResponse, Transport, TransportOptions } from "./types.js";

// Headers fetch sets itself from the URL and the body, or refuses outright (undici throws on `connection`).
// `host` is signed, and fetch sends the same value: the URL is built from `request.host` as given.
const MANAGED_HEADERS = new Set(["host", "content-length", "connection", "keep-alive", "transfer-encoding", "upgrade"]);

/**
 * A transport on the standard `fetch`, for runtimes without `node:http` (Cloudflare Workers, browsers), and the
 * default of the runtime's portable build; it runs on Node 20+, Deno and Bun as well. Same contract as
 * {@link nodeHttpTransport}: lower-case response headers, the body as text or bytes (`responseBody`), a size
 * cap enforced while the body streams in, and the same typed errors.
 *
 * fetch does not show when the connection is up, so the connect and read timeouts bound the wait for the
 * response head together (connect + read ms), and a stall there is a `read` timeout, never `connect`: a
 * connect timeout tells the retry policy that the request was certainly not sent, which fetch cannot know.
 * Once the head is in, the read timeout is an idle timer between body chunks, and `attemptTimeoutMs` bounds
 * the whole attempt. Redirects are not followed, as with `node:http`. Connections are pooled by the runtime.
 *
 * Failures: the caller's signal → {@link AbortError}; a timer → {@link TimeoutError}; no response →
 * {@link NetworkError} (with the system code when the runtime gives one, as Node's fetch does: `ECONNREFUSED`
 * marks the request as never sent); a body cut short or over the cap → {@link MalformedResponseError}
 * (`truncated`, `too-large`) keeping the status and request id already received.
 * @public
 */
export const fetchTransport: Transport = async (request: HttpRequest, options: TransportOptions): Promise<HttpResponse> => {
  const callerSignal = options.signal;
  if (callerSignal?.aborted) throw new AbortError(callerSignal.reason);
  const controller = new AbortController();
  let failure: Error | undefined;
  const fail = (error: Error): void => {
    if (failure !== undefined) return;
    failure = error;
    controller.abort(error);
  };
  // Every wait below races this promise, so a timer or the caller's abort ends the attempt at once even on a
  // runtime whose fetch is slow to honour its signal.
  const stopped = new Promise<never>((_, reject) => controller.signal.addEventListener("abort", () => reject(failure), { once: true }));
  stopped.catch(() => undefined);
  const timers: ReturnType<typeof setTimeout>[] = [];
  const after = (ms: number, error: () => Error): ReturnType<typeof setTimeout> => {
    const timer = setTimeout(() => fail(error()), ms);
    timers.push(timer);
    return timer;
  };
  const onAbort = (): void => fail(new AbortError(callerSignal?.reason));
  callerSignal?.addEventListener("abort", onAbort, { once: true });
  const { attemptTimeoutMs, readTimeoutMs } = options;
  if (attemptTimeoutMs !== undefined) after(attemptTimeoutMs, () => new TimeoutError("attempt", attemptTimeoutMs));
  const headMs = options.connectTimeoutMs + readTimeoutMs;
  const headTimer = after(headMs, () => new TimeoutError("read", headMs));

  let status = 0;
  let requestId: string | undefined;
  try {
    let response: Response;
    try {
      response = await Promise.race([fetch(`${request.protocol}//${request.host}${request.path}`, init(request, controller.signal)), stopped]);
    } catch (error) {
      throw failure ?? networkError(error);
    }
    clearTimeout(headTimer);
    status = response.status;
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    requestId = headers["x-acs-request-id"];
    const declared = Number(headers["content-length"] ?? NaN);
    if (declared > options.maxResponseBytes) {
      throw new MalformedResponseError("too-large", status, requestId, `content-length ${declared} exceeds ${options.maxResponseBytes}`);
    }
    const bytes = await readBody(response, options.maxResponseBytes, () => after(readTimeoutMs, () => new TimeoutError("read", readTimeoutMs)), stopped, status, requestId);
    return { status, headers, body: options.responseBody === "bytes" ? bytes : new TextDecoder().decode(bytes) };
  } catch (error) {
    // Whatever ended the attempt, the connection is given up (a body left unread would hold it).
    if (failure === undefined) controller.abort();
    if (failure !== undefined) throw failure;
    if (error instanceof NetworkError || error instanceof MalformedResponseError) throw error;
    // The head arrived, then the body failed: the server's answer went wrong, not the network before it.
    throw new MalformedResponseError("truncated", status, requestId, "connection closed mid-body");
  } finally {
    for (const timer of timers) clearTimeout(timer);
    callerSignal?.removeEventListener("abort", onAbort);
  }
};

function init(request: HttpRequest, signal: AbortSignal): RequestInit {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) if (!MANAGED_HEADERS.has(name)) headers[name] = value;
  const body = request.body as BodyInit | undefined;
  return { method: request.method, headers, signal, redirect: "manual", ...(body === undefined ? {} : { body }) };
}

/** Reads the body chunk by chunk: the size cap holds while it streams, and each chunk restarts the idle timer. */
async function readBody(
  response: Response,
  maxBytes: number,
  startIdleTimer: () => ReturnType<typeof setTimeout>,
  stopped: Promise<never>,
  status: number,
  requestId: string | undefined,
): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (reader === undefined) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const idle = startIdleTimer();
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await Promise.race([reader.read(), stopped]);
    } finally {
      clearTimeout(idle);
    }
    if (next.done) break;
    size += next.value.byteLength;
    if (size > maxBytes) {
      void reader.cancel().catch(() => undefined);
      throw new MalformedResponseError("too-large", status, requestId, `body exceeds ${maxBytes} bytes`);
    }
    chunks.push(next.value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** fetch rejects with a bare TypeError; Node's puts the system error (`ECONNREFUSED`) in its cause. */
function networkError(error: unknown): NetworkError {
  const code = systemCode(error);
  return new NetworkError(`Request failed: ${code ?? (error instanceof Error ? error.message : String(error))}`, code, { cause: error });
}

function systemCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e !== null && typeof e === "object" && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code ?? (e as { errors?: { code?: unknown }[] }).errors?.[0]?.code;
    if (typeof code === "string" && /^E[A-Z0-9_]+$/.test(code)) return code;
  }
  return undefined;
}
