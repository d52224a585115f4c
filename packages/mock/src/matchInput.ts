// Matches the input of a call against the input a mock expects. Inputs are JSON-shaped (objects, arrays,
// strings, numbers, booleans), so this compares those and nothing more.
//
// Partial (the default, as aws-sdk-client-mock's `on(Command, input)` with sinon's `match`): every property
// the expectation names must match, at every depth; other properties of the call are ignored. Arrays match
// when they have the same length and each element matches in order (elements that are objects match
// partially too, consistent with the `InputPattern` type). A property expected as `undefined` matches only
// when the call leaves it out.
// Strict: the same, but objects must also have no defined property the expectation does not name, so the
// whole input is compared. Properties whose value is `undefined` count as absent, as they are on the wire.
// Either way, an expected value with an `asymmetricMatch` method (vitest's and Jest's `expect.any(String)`,
// `expect.stringMatching(…)`) decides for itself.

/** A matcher object as vitest and Jest make them (`expect.any(String)`). */
interface AsymmetricMatcher {
  asymmetricMatch(actual: unknown): boolean;
}

function isAsymmetricMatcher(value: unknown): value is AsymmetricMatcher {
  return typeof value === "object" && value !== null && typeof (value as Partial<AsymmetricMatcher>).asymmetricMatch === "function";
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function ownValue(record: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * True when `actual` (a call's input, or a value inside it) matches `expected`; `strict` compares whole
 * objects instead of the properties `expected` names.
 */
export function matchInput(actual: unknown, expected: unknown, strict: boolean): boolean {
  if (isAsymmetricMatcher(expected)) return expected.asymmetricMatch(actual);
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((item, i) => matchInput(actual[i], item, strict));
  }
  if (isRecord(expected)) {
    if (!isRecord(actual)) return false;
    if (!Object.keys(expected).every((key) => matchInput(ownValue(actual, key), expected[key], strict))) return false;
    return !strict || Object.keys(actual).every((key) => actual[key] === undefined || Object.hasOwn(expected, key));
  }
  return actual === expected || (Number.isNaN(actual) && Number.isNaN(expected));
}
