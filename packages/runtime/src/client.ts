import type { DefaultCredentialProviderOptions } from "./credentials/defaultChain.js";
import { fromStatic } from "./credentials/staticCredentials.js";
import type { CredentialProvider, Credentials } from "./credentials/types.js";
import type { ClientEventHook } from "./hooks/events.js";
import { defaultCredentials } from "./platform/defaultCredentials.js";
import { defaultTransport } from "./platform/defaultTransport.js";
import { randomUUID } from "./platform/randomUUID.js";
import { runtimeTag } from "./platform/runtimeTag.js";
import { DEFAULT_RETRY, type RetryOptions } from "./retry/retryPolicy.js";
import type { Transport } from "./transport/types.js";
import { validateOptions } from "./validate/validateOptions.js";

/** Options of an {@link AcsClient}. Only `region` is required. */
export interface ClientConfig {
  /** Region id, e.g. `cn-hangzhou`. */
  readonly region: string;
  /**
   * A provider, or fixed credentials. Default: the official chain — env → OIDC (RRSA) → CLI profile →
   * credentials file → ECS RAM role → credentials URI — tuned by `credentialChain`.
   */
  readonly credentials?: CredentialProvider | Credentials;
  /**
   * Settings of the default credential chain, used when `credentials` is not given: where STS is (`sts`:
   * endpoint, region, VPC), the ECS metadata service (`ecs`: `baseUrl`, `disableImdsV1`, role name), profile
   * and file paths, environment, refresh margin, the transport for credential services, and an `onEvent`
   * hook for credential events (source picked, refreshes, a failed refresh still serving valid credentials).
   */
  readonly credentialChain?: Omit<DefaultCredentialProviderOptions, "credentials">;
  /** Overrides the endpoint: `host`, `host:port` or `http(s)://host:port`. */
  readonly endpoint?: string;
  /** `vpc` uses the product's VPC endpoint. Default `public`. */
  readonly endpointType?: "public" | "vpc";
  /** Default `https`. */
  readonly protocol?: "https" | "http";
  /** Attempts per call including the first (default 3); 1 disables retries. */
  readonly maxAttempts?: number;
  /** Backoff tuning; see {@link RetryOptions}. */
  readonly retry?: Partial<Omit<RetryOptions, "maxAttempts">>;
  /** TCP and TLS set-up, in ms. Default 5 000. Every timing option takes 1 to 2^31−1 ms; others are a RangeError. */
  readonly connectTimeoutMs?: number;
  /** Longest silence while waiting for or reading a response, in ms. Default 10 000. */
  readonly readTimeoutMs?: number;
  /**
   * Longest one attempt may take, connect to last byte, in ms: ends a server that trickles its answer without
   * ever falling silent. Default 60 000, or connect + read timeout when that is more. Fails with a
   * `TimeoutError` of phase `attempt`.
   */
  readonly attemptTimeoutMs?: number;
  /** Responses larger than this many bytes fail with a `too-large` MalformedResponseError. Default 10 MiB. */
  readonly maxResponseBytes?: number;
  /** Replaces the HTTP transport (recording, replay, instrumentation). */
  readonly transport?: Transport;
  /** Receives redacted events for logging and metrics. */
  readonly onEvent?: ClientEventHook;
  /** Appended to the User-Agent header. */
  readonly userAgentSuffix?: string;
  /**
   * Clock and nonce source for signing. For tests and fixture replay only: pinning them in production
   * would make every request a replay of the last.
   */
  readonly signing?: { readonly now?: () => Date; readonly nonce?: () => string };
}

/** Settled configuration used by the runtime; every field has a value. */
export interface ResolvedClientConfig {
  readonly region: string;
  readonly credentials: CredentialProvider;
  readonly endpoint: string | undefined;
  readonly endpointType: "public" | "vpc";
  readonly protocol: "https" | "http";
  readonly retry: RetryOptions;
  readonly connectTimeoutMs: number;
  readonly readTimeoutMs: number;
  /** `undefined`: each call derives it from its connect and read timeouts (see {@link ClientConfig.attemptTimeoutMs}). */
  readonly attemptTimeoutMs: number | undefined;
  readonly maxResponseBytes: number;
  readonly transport: Transport;
  readonly onEvent: ClientEventHook | undefined;
  readonly userAgent: string;
  readonly now: () => Date;
  readonly nonce: () => string;
}

const RUNTIME_VERSION = "0.1.0";

function isProvider(value: CredentialProvider | Credentials): value is CredentialProvider {
  return typeof (value as CredentialProvider).getCredentials === "function";
}

const INSPECT = Symbol.for("nodejs.util.inspect.custom");
/** Marks clients of every copy of the runtime (the ESM and the CJS build may both be loaded); see `instanceof` below. */
const CLIENT_BRAND = Symbol.for("@acs-modular/runtime/AcsClient");
// Outside the class body: a class that names itself inside its body is emitted by bundlers as
// `var X = class _X {…}`, and its `name` becomes `_X`.
function isClientClass(cls: unknown): boolean {
  return cls === AcsClient;
}

/**
 * Holds region, credentials and options shared by every operation call. Create one per region and
 * reuse it: it is cheap to keep and holds no connections of its own (the transport pools them).
 */
export class AcsClient {
  readonly config: ResolvedClientConfig;

  constructor(config: ClientConfig) {
    // Each option is read once (a getter cannot pass the check and then change), then checked as a whole.
    const { maxAttempts = DEFAULT_RETRY.maxAttempts, connectTimeoutMs, readTimeoutMs, attemptTimeoutMs, maxResponseBytes } = config;
    const retry = { baseDelayMs: config.retry?.baseDelayMs, maxDelayMs: config.retry?.maxDelayMs };
    validateOptions({ maxAttempts, connectTimeoutMs, readTimeoutMs, attemptTimeoutMs, maxResponseBytes, "retry.baseDelayMs": retry.baseDelayMs, "retry.maxDelayMs": retry.maxDelayMs });
    const resolved: ResolvedClientConfig = {
      region: config.region,
      credentials: config.credentials
        ? isProvider(config.credentials)
          ? config.credentials
          : fromStatic(config.credentials)
        : defaultCredentials(config.credentialChain),
      endpoint: config.endpoint,
      endpointType: config.endpointType ?? "public",
      protocol: config.protocol ?? "https",
      retry: { maxAttempts, baseDelayMs: retry.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs, maxDelayMs: retry.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs },
      connectTimeoutMs: connectTimeoutMs ?? 5_000,
      readTimeoutMs: readTimeoutMs ?? 10_000,
      attemptTimeoutMs,
      maxResponseBytes: maxResponseBytes ?? 10 * 1024 * 1024,
      transport: config.transport ?? defaultTransport,
      onEvent: config.onEvent,
      userAgent: `acs-modular/${RUNTIME_VERSION} ${runtimeTag()}${config.userAgentSuffix ? ` ${config.userAgentSuffix}` : ""}`,
      now: config.signing?.now ?? (() => new Date()),
      nonce: config.signing?.nonce ?? randomUUID,
    };
    // Not enumerable: a provider may hold keys in its own fields (an adapted @alicloud/credentials client
    // does), and the config must print and serialize without them.
    Object.defineProperty(resolved, "credentials", { enumerable: false });
    this.config = resolved;
    Object.defineProperty(this, CLIENT_BRAND, { value: true });
  }

  /**
   * `client instanceof AcsClient` holds for a client built by any copy of the runtime: an app that imports
   * the runtime and also reaches it through a CommonJS dependency loads two builds, whose classes differ.
   * Subclasses are checked through the prototype chain as usual.
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    if (typeof value !== "object" || value === null || !(CLIENT_BRAND in value)) return false;
    return isClientClass(this) || Function.prototype[Symbol.hasInstance].call(this, value);
  }

  /** A short description for logs; never includes credentials. */
  toString(): string {
    return `AcsClient(region=${this.config.region})`;
  }

  /** What `JSON.stringify(client)` prints: the same log-safe description as {@link AcsClient.toString}. */
  toJSON(): string {
    return this.toString();
  }

  /** What `util.inspect(client)` and `console.log(client)` print: never the credentials. */
  [INSPECT](): string {
    return this.toString();
  }
}

/** Per-call options, given as the last argument of every operation function. */
export interface CallOptions {
  /** Cancels the call, including any wait between retries. */
  readonly signal?: AbortSignal;
  /** Overrides the client's `maxAttempts` for this call. */
  readonly maxAttempts?: number;
  /** Overrides the client's connect timeout for this call. */
  readonly connectTimeoutMs?: number;
  /** Overrides the client's read timeout for this call. */
  readonly readTimeoutMs?: number;
  /** Overrides the client's per-attempt bound for this call (see {@link ClientConfig.attemptTimeoutMs}). */
  readonly attemptTimeoutMs?: number;
  /**
   * Deadline for the whole call, every attempt and wait included; when it passes the call fails with a
   * `TimeoutError` of phase `total`. Default: none (each attempt is bounded by its connect, read and attempt timeouts).
   */
  readonly timeoutMs?: number;
}
