/**
 * Where a client writes its log lines: any object with some of `console`'s level methods, `console` itself
 * included (pino, winston and bunyan loggers fit too). Each line is passed as one string; a level whose
 * method is missing is not logged. A method that throws is ignored: logging never changes a call's outcome.
 * @public
 */
export interface Logger {
  readonly debug?: (message: string) => void;
  readonly info?: (message: string) => void;
  readonly warn?: (message: string) => void;
  readonly error?: (message: string) => void;
}

/**
 * How much a client logs, each level including the ones before it: `error` (failed calls), `warn` (failed
 * attempts, credential refreshes that failed), `info` (one line per attempt, credential source and refreshes),
 * `debug` (also each request and response on the wire, redacted).
 * @public
 */
export type LogLevel = "error" | "warn" | "info" | "debug";
