import { isNonEmptyString } from "./buildCredentials.js";
import { sourceBroken } from "./sourceErrors.js";

/**
 * The settings of one profile — a CLI config profile (JSON values) or an ini section (string values) — with
 * what error messages need to name it. Readers below turn them into typed values or "broken" errors that
 * name the key, never its value.
 */
export interface ProfileFields {
  /** `cli profile` or `ini file`. */
  readonly source: string;
  /** E.g. `profile "dev" in /home/u/.aliyun/config.json (mode RamRoleArn)`. */
  readonly where: string;
  get(key: string): unknown;
}

/** The values of `keys`, in order; one error names every key that is missing or empty. */
export function requiredStrings(fields: ProfileFields, keys: readonly string[]): string[] {
  const missing = keys.filter((key) => !isNonEmptyString(fields.get(key)));
  if (missing.length > 0) throw sourceBroken(fields.source, `${fields.where} has no ${missing.join(", ")}`);
  return keys.map((key) => (fields.get(key) as string).trim());
}

/** A non-empty string, or undefined when absent or empty. */
export function optionalString(fields: ProfileFields, key: string): string | undefined {
  const value = fields.get(key);
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") throw sourceBroken(fields.source, `${fields.where}: ${key} is not a string`);
  return value.trim() || undefined;
}

/** A whole number (JSON number or numeric string), or undefined when absent, empty or 0 (the CLI's "unset"). */
export function optionalInteger(fields: ProfileFields, key: string): number | undefined {
  const value = fields.get(key);
  if (value === undefined || value === null || value === "" || value === 0) return undefined;
  const n = typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof n !== "number" || !Number.isInteger(n)) throw sourceBroken(fields.source, `${fields.where}: ${key} is not a whole number`);
  return n === 0 ? undefined : n;
}

/** `true`/`false` (JSON boolean or the strings), or undefined when absent. */
export function optionalFlag(fields: ProfileFields, key: string): boolean | undefined {
  const value = fields.get(key);
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === "true";
  throw sourceBroken(fields.source, `${fields.where}: ${key} is not true or false`);
}
