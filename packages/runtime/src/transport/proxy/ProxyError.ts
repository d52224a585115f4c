import { NetworkError } from "../../errors/NetworkError.js";

/**
 * A proxy did not carry the request to its target: it refused the `CONNECT` tunnel of an HTTPS request
 * (`proxyStatus` 407 when it wants other credentials, 502 or 503 when it could not reach the target, ...),
 * answered a plain-HTTP request with 407, or could not be reached itself (`proxyStatus` undefined,
 * `syscallCode` set). The target never saw the request (`neverSent`), so it is retried as a refused
 * connection is, even for writes, except after a 407: other credentials are needed, not another attempt.
 * The message and `proxy` name the proxy as `http://host:port`, never with its credentials.
 * @public
 */
export class ProxyError extends NetworkError {
  /** The proxy, `http://host:port`. */
  readonly proxy: string;
  /** The HTTP status the proxy answered with; undefined when it could not be reached. */
  readonly proxyStatus: number | undefined;
  override readonly neverSent = true;

  constructor(message: string, proxy: string, proxyStatus: number | undefined, syscallCode?: string, options?: { cause?: unknown }) {
    super(message, syscallCode, options);
    this.proxy = proxy;
    this.proxyStatus = proxyStatus;
    // Not a class field: NetworkError's `retryable` is the literal `true`, which a field could not narrow.
    Object.defineProperty(this, "retryable", { value: proxyStatus !== 407, enumerable: true });
  }
}
