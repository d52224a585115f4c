import type { Env } from "../credentials/envVar.js";
import type { Logger, LogLevel } from "./Logger.js";
import { isLogLevel, LOG_LEVEL_ENV, LOG_LEVELS, levelEnabled, logLevelFromEnv } from "./logLevel.js";

/** A client's settled logging: its level and where lines go. Absent when the client does not log. */
export interface ClientLogger {
  readonly level: LogLevel;
  /** Whether lines of `level` are written (callers check before building a line). */
  enabled(level: LogLevel): boolean;
  /** Writes one line at `level`; a logger that throws is ignored. */
  write(level: LogLevel, line: string): void;
}

/** What the environment switch logs to when no `logger` is given: standard error, so stdout stays the app's. */
const STDERR_LOGGER: Logger = {
  error: (line) => console.error(line),
  warn: (line) => console.error(line),
  info: (line) => console.error(line),
  debug: (line) => console.error(line),
};

export interface ClientLoggerOptions {
  readonly logger?: Logger | undefined;
  readonly logLevel?: unknown;
  /** The environment, read once here: `ACS_LOG`. */
  readonly env: Env;
}

/** `ACS_LOG`, or none where the runtime refuses to show the environment (Deno without --allow-env throws). */
function envLevel(env: ClientLoggerOptions["env"]): string | undefined {
  try {
    return env[LOG_LEVEL_ENV];
  } catch {
    return undefined;
  }
}

/**
 * The logging of one client. The level is `logLevel`, else `ACS_LOG`, else `info` when a `logger` is given;
 * with none of the three the client does not log (`undefined`). Lines go to `logger`, else to standard error.
 * A `logLevel` that is not a level is a RangeError, as other bad options are.
 */
export function createClientLogger(options: ClientLoggerOptions): ClientLogger | undefined {
  const { logger, logLevel } = options;
  if (logLevel !== undefined && !isLogLevel(logLevel)) {
    throw new RangeError(`logLevel must be one of ${LOG_LEVELS.join(", ")}, got ${typeof logLevel === "string" ? JSON.stringify(logLevel) : `a value of type ${typeof logLevel}`}`);
  }
  const level = logLevel ?? logLevelFromEnv(envLevel(options.env)) ?? (logger ? "info" : undefined);
  if (level === undefined) return undefined;
  const sink = logger ?? STDERR_LOGGER;
  return {
    level,
    enabled: (at) => levelEnabled(level, at),
    write(at, line) {
      if (!levelEnabled(level, at)) return;
      try {
        sink[at]?.call(sink, line);
      } catch {
        // A failing logger must not fail (and so repeat) a call that succeeded.
      }
    },
  };
}
