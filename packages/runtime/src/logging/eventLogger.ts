import type { ClientEventHook } from "../hooks/events.js";
import type { ClientLogger } from "./clientLogger.js";
import { eventLine } from "./eventLine.js";

/** A hook that writes each event's line (see {@link eventLine}) to `logger`, at the line's level. */
export function eventLogger(logger: ClientLogger): ClientEventHook {
  return (event) => {
    const line = eventLine(event);
    if (line && logger.enabled(line.level)) logger.write(line.level, line.line);
  };
}
