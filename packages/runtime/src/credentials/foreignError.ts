/**
 * A stand-in for an error raised by code that is not ours (an adapted `@alicloud/credentials` client, a
 * caller's own provider). Its message is not ours to vouch for: the official library, for one, puts whole
 * config files and STS response bodies into messages. So only the class name and a syscall-style code
 * (`ENOENT`) survive; the original message, stack and cause are dropped.
 */
const FOREIGN_BRAND = Symbol.for("@acs-modular/runtime/ForeignError");
// Outside the class body: a class that names itself inside its body is emitted by bundlers as
// `var X = class _X {…}`, and its `name` becomes `_X`.
function isForeignErrorClass(cls: unknown): boolean {
  return cls === ForeignError;
}

export class ForeignError extends Error {
  /** Syscall-style code of the original (`ECONNREFUSED`), when it had one. */
  readonly code: string | undefined;

  constructor(originalName: string, code: string | undefined) {
    super(`${originalName}${code ? ` (${code})` : ""}: message withheld, it may contain secrets`);
    this.name = `ForeignError[${originalName}]`;
    this.code = code;
    Object.defineProperty(this, FOREIGN_BRAND, { value: true });
  }

  /** `instanceof` holds across copies of the runtime (its ESM and CJS builds loaded side by side). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (typeof value !== "object" || value === null || !(FOREIGN_BRAND in value)) return false;
    return isForeignErrorClass(this) || Function.prototype[Symbol.hasInstance].call(this, value);
  }
}

/** Summarises `error` as a {@link ForeignError}; used as the `cause` of the CredentialsError that wraps it. */
export function summarizeForeignError(error: unknown): ForeignError {
  return new ForeignError(foreignErrorName(error), foreignErrorCode(error));
}

/** The class name of a foreign error (`TypeError`), or its `typeof` when it is not an Error. */
export function foreignErrorName(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  return /^[\w$.[\]-]{1,64}$/.test(error.name) ? error.name : "Error";
}

function foreignErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[A-Z][A-Z0-9_]{1,40}$/.test(code) ? code : undefined;
}
