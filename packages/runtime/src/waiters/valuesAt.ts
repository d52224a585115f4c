/**
 * The values at a path of a decoded answer, where `[]` after a key walks every item of that list:
 * `TaskInfo.Task[].Status` → the status of each task. Missing steps give no values.
 */
export function valuesAt(value: unknown, path: string): unknown[] {
  let current: unknown[] = [value];
  for (const raw of path.split(".")) {
    const each = raw.endsWith("[]");
    const key = each ? raw.slice(0, -2) : raw;
    const next: unknown[] = [];
    for (const v of current) {
      if (typeof v !== "object" || v === null || !Object.hasOwn(v, key)) continue;
      const child = (v as Record<string, unknown>)[key];
      if (each) {
        if (Array.isArray(child)) next.push(...child);
      } else next.push(child);
    }
    current = next;
  }
  return current;
}
