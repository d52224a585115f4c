/** `T` with every property optional and `undefined` removed from its values. */
export type Defined<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

/**
 * A copy of `object` without its `undefined` properties. Options are merged by spreading (profile settings
 * over chain settings over defaults); with `exactOptionalPropertyTypes`, and at runtime, an explicit
 * `undefined` would otherwise overwrite a value set at a lower level.
 */
export function definedOnly<T extends object>(object: T): Defined<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) if (value !== undefined) out[key] = value;
  return out as Defined<T>;
}
