import type { LogLevel } from "./Logger.js";

/** A field of a log line; `undefined` fields are left out. */
export type LogField = string | number | boolean | undefined;

/** A value as it appears after `key=`: bare when it is one plain word, else JSON-quoted. */
function fieldValue(value: string | number | boolean): string {
  const text = String(value);
  return /^[\w.:/@+*<>-]+$/.test(text) ? text : JSON.stringify(text);
}

/**
 * One log line: `acs-modular <level> <what> key=value ...`, in the order the fields are given. Fields are
 * `key=value` pairs so that lines stay greppable and machine-readable (values with spaces are quoted).
 */
export function formatLine(level: LogLevel, what: string, fields: Readonly<Record<string, LogField>>): string {
  let line = `acs-modular ${level} ${what}`;
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) line += ` ${key}=${fieldValue(value)}`;
  return line;
}
