import { CredentialsError } from "../errors/CredentialsError.js";

/**
 * Marks "this source has nothing for us" (variable unset, file absent) as opposed to "this source exists
 * but is broken". A symbol from the global registry, so the mark survives duplicated copies of the runtime;
 * non-enumerable, so it never shows up in JSON or logs.
 */
const NOT_FOUND = Symbol.for("@acs-modular/runtime/credentials/sourceNotFound");

/**
 * The source is absent (nothing configured there). A chain records `reason` and moves on to the next source.
 * `reason` must never contain a secret: callers pass names, paths and statuses only.
 */
export function sourceNotFound(source: string, reason: string): CredentialsError {
  const line = `${source}: ${reason}`;
  const error = new CredentialsError(line, [line]);
  Object.defineProperty(error, NOT_FOUND, { value: true });
  return error;
}

/**
 * The source is present but unusable (malformed file, half-set variables). A chain stops here: silently
 * falling through would pick up different, unexpected credentials and hide the misconfiguration.
 */
export function sourceBroken(source: string, reason: string): CredentialsError {
  const line = `${source}: ${reason}`;
  return new CredentialsError(line, [line]);
}

/** Whether `error` came from {@link sourceNotFound}, i.e. a chain may try the next source. */
export function isSourceNotFound(error: unknown): error is CredentialsError {
  return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[NOT_FOUND] === true;
}
