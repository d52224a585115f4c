import { ValidationError } from "../errors/ValidationError.js";

/**
 * One call works on one copy of its input, made here before anything else: validation checks the copy and
 * the request is serialized from the same copy, so what was checked is what is sent. The caller's object is
 * read exactly once, key by key: a getter that answers differently on a second read, a Proxy, or a change to
 * the input while the call runs cannot slip an unchecked value into the request.
 *
 * The copy holds own enumerable string keys only, in objects without a prototype: nothing is inherited
 * (`Object.create(validInput)` has no parameters of its own), and a key named `constructor` or `toString`
 * is plain data that nothing reads as a method. It is bounded so that no input can exhaust the stack or
 * the CPU: at most {@link MAX_INPUT_DEPTH} levels, {@link MAX_INPUT_VALUES} values, no cycles.
 */

/** Deepest nesting an input may have, counting each object or array below the input itself as one level. */
export const MAX_INPUT_DEPTH = 64;

/**
 * Most values one input may hold, counted each time they are reached (a value shared by two fields counts
 * twice): far above any real request (a query string is limited to kilobytes, a body to a few MiB), and low
 * enough that the worst input is refused in a fraction of a second.
 */
export const MAX_INPUT_VALUES = 100_000;

/**
 * A key that is never copied: JavaScript code cannot hold it as data (an object literal or an assignment sets
 * the prototype instead), so an own `__proto__` comes from parsing untrusted JSON, and it would not survive
 * a spread or `Object.assign` anywhere downstream.
 */
const RESERVED_KEY = "__proto__";

interface Walk {
  readonly action: string;
  /** Objects and arrays on the path from the input to the value being copied (at most the depth limit). */
  readonly ancestors: object[];
  /** Keys and indexes on that path; made into a field name only when something is rejected. */
  readonly path: (string | number)[];
  values: number;
}

/** The field at the walk's current position, as ValidationError names it: `Tags[0].Key`. */
function fieldOf(walk: Walk): string {
  let field = "";
  for (const part of walk.path) field += typeof part === "number" ? `[${part}]` : field === "" ? part : `.${part}`;
  return field || "input";
}

function reject(walk: Walk, reason: string): never {
  throw new ValidationError(walk.action, fieldOf(walk), reason);
}

function copyValue(walk: Walk, value: unknown): unknown {
  if (++walk.values > MAX_INPUT_VALUES) reject(walk, `makes the input hold more than ${MAX_INPUT_VALUES} values`);
  switch (typeof value) {
    case "string":
    case "number":
    case "boolean":
    case "undefined":
      return value;
    case "object":
      return value === null ? value : copyContainer(walk, value);
    default:
      // function, symbol, bigint: nothing a request can carry (and JSON.stringify would throw on a bigint).
      return reject(walk, `must be a string, number, boolean, array or object, got ${typeof value}`);
  }
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  // Object literals and JSON.parse results; anything else (a class instance, a Proxy) by its tag.
  return proto === Object.prototype || proto === null || Object.prototype.toString.call(value) === "[object Object]";
}

function copyContainer(walk: Walk, value: object): unknown {
  // Bytes (binary parameters) are copied too: the caller may reuse its buffer while the call is in flight.
  if (value instanceof Uint8Array) return new Uint8Array(value);
  if (walk.ancestors.length > MAX_INPUT_DEPTH) reject(walk, `is nested deeper than ${MAX_INPUT_DEPTH} levels`);
  if (walk.ancestors.includes(value)) reject(walk, "contains itself (a cycle)");
  walk.ancestors.push(value);
  let copy: unknown;
  if (Array.isArray(value)) copy = copyArray(walk, value);
  else if (isPlainObject(value)) copy = copyObject(walk, value as Readonly<Record<string, unknown>>);
  else reject(walk, `must be a plain object or an array, got ${Object.prototype.toString.call(value).slice(8, -1)}`);
  walk.ancestors.pop();
  return copy;
}

function copyArray(walk: Walk, array: readonly unknown[]): unknown[] {
  const length = array.length;
  const out: unknown[] = [];
  for (let i = 0; i < length; i++) {
    walk.path.push(i);
    out.push(copyValue(walk, array[i]));
    walk.path.pop();
  }
  return out;
}

function copyObject(walk: Walk, object: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    walk.path.push(key);
    if (key === RESERVED_KEY) reject(walk, "is a reserved key and cannot be sent");
    const value = copyValue(walk, object[key]);
    if (value !== undefined) out[key] = value;
    walk.path.pop();
  }
  return out;
}

/**
 * A plain, prototype-free, bounded copy of an operation's input (see above), or a {@link ValidationError}
 * naming the field that cannot be copied: a cycle, nesting deeper than {@link MAX_INPUT_DEPTH}, a function,
 * a Map or Date, a getter that throws, a `__proto__` key. Fields whose value is `undefined` are left out.
 */
export function snapshotInput(action: string, input: unknown): Record<string, unknown> {
  const walk: Walk = { action, ancestors: [], path: [], values: 0 };
  try {
    if (typeof input !== "object" || input === null || Array.isArray(input) || input instanceof Uint8Array) reject(walk, "must be an object");
    return copyContainer(walk, input) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    // A getter or Proxy trap threw while being read. What it threw is the caller's: neither its message nor
    // its type goes into ours.
    return reject(walk, "could not be read (a getter or Proxy threw)");
  }
}
