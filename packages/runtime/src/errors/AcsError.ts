/**
 * Root of every error the SDK throws. `instanceof` works across the ESM and CJS builds (and across
 * duplicated copies of the runtime) because it checks a global brand instead of the prototype chain.
 */
const BRAND = Symbol.for("@acs-modular/runtime/AcsError");

// Outside the class body: a class that names itself inside its body is emitted by bundlers as
// `var X = class _X {…}`, and its `name` becomes `_X`.
function isRootClass(cls: unknown): boolean {
  return cls === AcsError;
}

export abstract class AcsError extends Error {
  /** Machine-readable error code: a service code (`Throttling.User`) or a client-side one (`ValidationError`). */
  abstract readonly code: string;
  /** Whether a retry of the same request may succeed. */
  readonly retryable: boolean = false;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    Object.defineProperty(this, BRAND, { value: new.target.name });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (typeof value !== "object" || value === null) return false;
    const brand = (value as Record<symbol, unknown>)[BRAND];
    if (typeof brand !== "string") return false;
    if (isRootClass(this)) return true;
    // Walk the instance's prototype chain by class name so subclasses match across module copies.
    for (let proto = Object.getPrototypeOf(value); proto; proto = Object.getPrototypeOf(proto)) {
      if (proto.constructor?.name === this.name) return true;
    }
    return false;
  }
}
