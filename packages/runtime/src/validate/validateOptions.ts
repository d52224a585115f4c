/**
 * The one check of every numeric option, for the client's config and per-call options alike, run before any
 * I/O. Node's timers take delays up to 2^31−1 ms: a larger one (or a negative, NaN or non-number one) fires at
 * once with a warning, and `req.setTimeout` throws `ERR_OUT_OF_RANGE` from inside a socket event, where no
 * caller can catch it. So a timing option outside that range is a `RangeError` here, never a timer.
 */

/** Longest delay a Node timer honours, in ms (about 24.8 days). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

interface OptionRule {
  /** What the number counts, for the message. */
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  /** Counts and sizes must be whole; delays may be fractional (timers accept them). */
  readonly integer: boolean;
}

const delay = (min: number): OptionRule => ({ unit: "milliseconds", min, max: MAX_TIMER_MS, integer: false });

const OPTION_RULES = {
  maxAttempts: { unit: "attempts", min: 1, max: Number.MAX_SAFE_INTEGER, integer: true },
  connectTimeoutMs: delay(1),
  readTimeoutMs: delay(1),
  attemptTimeoutMs: delay(1),
  timeoutMs: delay(1),
  "retry.baseDelayMs": delay(0),
  "retry.maxDelayMs": delay(0),
  maxResponseBytes: { unit: "bytes", min: 1, max: Number.MAX_SAFE_INTEGER, integer: true },
} as const satisfies Record<string, OptionRule>;

/** The name of a numeric option, as the message names it (`retry.` for the client's backoff tuning). */
export type NumericOptionName = keyof typeof OPTION_RULES;

/** Option values to check: each may be absent (`undefined`), which means "use the default". */
export type OptionValues = { readonly [K in NumericOptionName]?: unknown } & { readonly signal?: unknown };

function describe(value: unknown): string {
  if (typeof value === "number") return String(value);
  // Only the type of anything else: an option value is not ours to print.
  return value === null ? "null" : Array.isArray(value) ? "an array" : `a ${typeof value}`;
}

/** Throws a RangeError unless `value` is undefined or a valid value of option `name`. */
export function checkOption(name: NumericOptionName, value: unknown): void {
  if (value === undefined) return;
  const rule: OptionRule = OPTION_RULES[name];
  const ok = typeof value === "number" && value >= rule.min && value <= rule.max && (!rule.integer || Number.isInteger(value));
  if (!ok) {
    throw new RangeError(`${name} must be ${rule.integer ? "an integer" : "a number"} of ${rule.unit} from ${rule.min} to ${rule.max}, got ${describe(value)}`);
  }
}

function isAbortSignal(value: unknown): boolean {
  const s = value as AbortSignal | null;
  return typeof s === "object" && s !== null && typeof s.aborted === "boolean" && typeof s.addEventListener === "function" && typeof s.removeEventListener === "function";
}

/**
 * Checks every option in `options`: numbers against their range (RangeError), `signal` for an AbortSignal
 * (TypeError). Used by `new AcsClient(config)` and by every call for its per-call options.
 */
export function validateOptions(options: OptionValues): void {
  for (const name of Object.keys(OPTION_RULES) as NumericOptionName[]) checkOption(name, options[name]);
  if (options.signal !== undefined && !isAbortSignal(options.signal)) throw new TypeError(`signal must be an AbortSignal, got ${describe(options.signal)}`);
}
