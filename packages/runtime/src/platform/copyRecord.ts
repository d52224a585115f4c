/**
 * A copy of a string record, by assignment. Header maps are copied on every call, and V8's object spread of
 * a record whose keys are not identifiers (`x-acs-date`) is about ten times slower than this loop.
 * @internal
 */
export function copyRecord(source: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key in source) if (Object.hasOwn(source, key)) out[key] = source[key]!;
  return out;
}
