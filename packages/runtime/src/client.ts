import type { DefaultCredentialProviderOptions } from "./credentials/defaultChain.js";
import type { Env } from "./credentials/envVar.js";
import type { CredentialsEvent } from "./credentials/events.js";
import { fromStatic } from "./credentials/staticCredentials.js";
import type { CredentialProvider, Credentials } from "./credentials/types.js";
import { combineHooks } from "./hooks/combineHooks.js";
import type { ClientEventHook } from "./hooks/events.js";
import { type ClientLogger, createClientLogger } from "./logging/clientLogger.js";
import { eventLogger } from "./logging/eventLogger.js";
import type { Logger, LogLevel } from "./logging/Logger.js";
import { defaultCredentials } from "./platform/defaultCredentials.js";
import { defaultTransport } from "./platform/defaultTransport.js";
import { randomUUID } from "./platform/randomUUID.js";
import { runtimeTag } from "./platform/runtimeTag.js";
import { DEFAULT_RETRY, type RetryOptions } from "./retry/retryPolicy.js";
import { type ProxyOption, type ProxySettings, resolveProxySettings } from "./transport/proxy/proxySettings.js";
import { credentialProxySettings, withProxy } from "./transport/proxy/withProxy.js";
import type { Transport } from "./transport/types.js";
import { validateOptions } from "./validate/validateOptions.js";

/**
 * Options of an {@link AcsClient}. Only `region` is required. Every option is described, with its default,
 * in the runtime README (packages/runtime/README.md).
 * @public
 */
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
   * The chain's events also reach the client's `onEvent` and `logger`.
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
  /**
   * Receives redacted events for logging and metrics: each call's start, attempts and end, and the default
   * credential chain's events (source selected, refreshes). A hook that throws is ignored.
   */
  readonly onEvent?: ClientEventHook;
  /**
   * Where log lines go: `console`, or any object with some of its `error`, `warn`, `info`, `debug` methods.
   * Nothing is logged unless a logger, a `logLevel` or the `ACS_LOG` environment variable is given; without a
   * logger, lines go to standard error. Every line is redacted by allow-list (see the runtime README).
   */
  readonly logger?: Logger;
  /**
   * How much to log: `error`, `warn`, `info` (one line per attempt) or `debug` (also each request and response,
   * redacted). Default: `ACS_LOG` when set (read once, when the client is created), else `info` when a
   * `logger` is given.
   */
  readonly logLevel?: LogLevel;
  /**
   * The HTTP proxy for this client's requests, `http://[user:password@]host:port` (HTTPS targets are reached
   * through a `CONNECT` tunnel, TLS end to end), or `false` for none. Default: `HTTPS_PROXY` / `https_proxy`
   * for https targets, `HTTP_PROXY` / `http_proxy` for http ones, with `NO_PROXY` / `no_proxy` exceptions,
   * read once when the client is created. Honoured by the Node transport; the default credential chain's
   * service calls use it too, except the ECS metadata service.
   */
  readonly proxy?: ProxyOption;
  /** Appended to the User-Agent header. */
  readonly userAgentSuffix?: string;
  /**
   * Clock and nonce source for signing. For tests and fixture replay only: pinning them in production
   * would make every request a replay of the last.
   */
  readonly signing?: { readonly now?: () => Date; readonly nonce?: () => string };
}

/**
 * Settled configuration used by the runtime; every field has a value.
 * @internal
 */
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
  /** The hook of `ClientConfig.onEvent` and of the logger together: every event goes to both. */
  readonly onEvent: ClientEventHook | undefined;
  /** The client's logging, `undefined` when it does not log. */
  readonly logger: ClientLogger | undefined;
  /** The client's proxy, from its `proxy` option or the environment; `undefined` for direct requests. */
  readonly proxy: ProxySettings | undefined;
  readonly userAgent: string;
  readonly now: () => Date;
  readonly nonce: () => string;
}

const RUNTIME_VERSION = "0.1.0";

function isProvider(value: CredentialProvider | Credentials): value is CredentialProvider {
  return typeof (value as CredentialProvider).getCredentials === "function";
}

/** The process environment, or none where there is no `process` (browsers, workers). */
function processEnv(): Env {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
}

/**
 * The default chain's options with the client's share: its events also go to the client's hook (and so its
 * logger), and its service calls use the client's proxy (the ECS metadata service excepted).
 */
function chainOptions(chain: ClientConfig["credentialChain"], onEvent: ClientEventHook | undefined, proxy: ProxySettings | undefined): DefaultCredentialProviderOptions {
  const events = combineHooks<CredentialsEvent>(chain?.onEvent, onEvent);
  const transport = proxy && withProxy(chain?.transport ?? defaultTransport, credentialProxySettings(proxy, chain?.ecs?.baseUrl));
  return { ...chain, ...(events ? { onEvent: events } : {}), ...(transport ? { transport } : {}) };
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
    // The environment is read here, once per client: never at import, never per call.
    const env = processEnv();
    const logger = createClientLogger({ logger: config.logger, logLevel: config.logLevel, env });
    const proxy = resolveProxySettings(config.proxy, env);
    const onEvent = combineHooks(config.onEvent, logger && eventLogger(logger));
    const resolved: ResolvedClientConfig = {
      region: config.region,
      credentials: config.credentials
        ? isProvider(config.credentials)
          ? config.credentials
          : fromStatic(config.credentials)
        : defaultCredentials(chainOptions(config.credentialChain, onEvent, proxy)),
      endpoint: config.endpoint,
      endpointType: config.endpointType ?? "public",
      protocol: config.protocol ?? "https",
      retry: { maxAttempts, baseDelayMs: retry.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs, maxDelayMs: retry.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs },
      connectTimeoutMs: connectTimeoutMs ?? 5_000,
      readTimeoutMs: readTimeoutMs ?? 10_000,
      attemptTimeoutMs,
      maxResponseBytes: maxResponseBytes ?? 10 * 1024 * 1024,
      transport: config.transport ?? defaultTransport,
      onEvent,
      logger,
      proxy,
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
