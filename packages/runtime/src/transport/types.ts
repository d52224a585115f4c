/** An HTTP request as the transport sends it. Header names are lower case. */
export interface HttpRequest {
  readonly method: string;
  readonly protocol: "https:" | "http:";
  readonly host: string;
  /** Path and query string, already encoded. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The body: a string is sent as UTF-8. */
  readonly body?: string | Uint8Array | undefined;
}

export interface HttpResponse {
  readonly status: number;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as text (UTF-8), or as bytes when the transport was asked for bytes (`responseBody: "bytes"`). */
  readonly body: string | Uint8Array;
}

export interface TransportOptions {
  readonly connectTimeoutMs: number;
  /** Longest silence while waiting for or reading the response (an idle timer). */
  readonly readTimeoutMs: number;
  /**
   * Longest the whole attempt may take, connect to last byte; then it fails with a `TimeoutError` of phase
   * `attempt`. The runtime always sets it; absent, an attempt has no overall bound.
   */
  readonly attemptTimeoutMs?: number | undefined;
  /** Bodies larger than this are refused with a `too-large` MalformedResponseError. */
  readonly maxResponseBytes: number;
  readonly signal?: AbortSignal | undefined;
  /** `bytes` for operations whose answer is binary: the body is returned as a `Uint8Array`. Default `text`. */
  readonly responseBody?: "text" | "bytes" | undefined;
  /** Which call this request belongs to, for transports that record or replay exchanges. */
  readonly call?: TransportCallContext | undefined;
}

/** The operation call behind a request. `input` includes the idempotency token the runtime filled in. */
export interface TransportCallContext {
  readonly product: string;
  readonly apiVersion: string;
  readonly action: string;
  readonly input: Readonly<Record<string, unknown>>;
}

/** Sends one HTTP request. Swap it to record, replay or instrument traffic. */
export type Transport = (request: HttpRequest, options: TransportOptions) => Promise<HttpResponse>;
