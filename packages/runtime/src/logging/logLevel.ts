import type { LogLevel } from "./Logger.js";

/** Environment variable that turns logging on: `ACS_LOG=debug` (or `info`, `warn`, `error`). */
export const LOG_LEVEL_ENV = "ACS_LOG";

/** The levels, least verbose first. */
export const LOG_LEVELS: readonly LogLevel[] = ["error", "warn", "info", "debug"];

/** Whether `value` names a level. */
export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === "string" && (LOG_LEVELS as readonly string[]).includes(value);
}

/** Whether a line of `level` is written when the client logs at `threshold`. */
export function levelEnabled(threshold: LogLevel, level: LogLevel): boolean {
  return LOG_LEVELS.indexOf(level) <= LOG_LEVELS.indexOf(threshold);
}

/** The level an `ACS_LOG` value asks for (any case, spaces trimmed); anything else asks for none. */
export function logLevelFromEnv(value: string | undefined): LogLevel | undefined {
  const level = value?.trim().toLowerCase();
  return isLogLevel(level) ? level : undefined;
}
