import type { ClientEvent } from "../hooks/events.js";
import { formatLine } from "./formatLine.js";
import type { LogLevel } from "./Logger.js";

/** A log line and its level. */
export interface LevelledLine {
  readonly level: LogLevel;
  readonly line: string;
}

/**
 * The log line of an event, built from the event's fields only (which are allow-listed: see ClientEvent), or
 * `undefined` for events that are not logged on their own (`request-start`, `attempt-start`: the attempt's
 * end line says all they do). Levels: a successful attempt is `info`, a failed one `warn` (with `retryInMs`
 * when another follows), a failed call `error`, a finished call `debug`; the credential source picked and
 * each refresh are `info`, a failed refresh (stale credentials still served) `warn`.
 */
export function eventLine(event: ClientEvent): LevelledLine | undefined {
  switch (event.type) {
    case "request-start":
    case "attempt-start":
      return undefined;
    case "attempt-end": {
      const level = event.errorCode === undefined ? "info" : "warn";
      const { product, action, host, attempt, httpStatus, errorCode, requestId, durationMs, retryInMs } = event;
      return { level, line: formatLine(level, "attempt", { product, action, host, attempt, status: httpStatus, code: errorCode, requestId, durationMs, retryInMs }) };
    }
    case "request-end": {
      const level = event.ok ? "debug" : "error";
      const { product, action, attempts, errorCode, requestId, durationMs } = event;
      return { level, line: formatLine(level, event.ok ? "call succeeded" : "call failed", { product, action, attempts, code: errorCode, requestId, durationMs }) };
    }
    case "credentials-source-selected":
      return { level: "info", line: formatLine("info", "credentials source selected", { source: event.source, skipped: event.skipped.length > 0 ? event.skipped.join("; ") : undefined }) };
    case "credentials-refreshed":
      return { level: "info", line: formatLine("info", "credentials refreshed", { source: event.source, expiration: event.expiration, background: event.background }) };
    case "credentials-refresh-failed":
      return {
        level: "warn",
        line: formatLine("warn", "credentials refresh failed", { source: event.source, reason: event.reason, expiration: event.expiration, retryInMs: event.retryInMs }),
      };
  }
}
