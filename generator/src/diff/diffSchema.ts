// Compares two schemas of the same field. Whether a change breaks users depends on the direction: a new
// required field breaks callers that build the input, a removed field breaks callers that read the output.
import type { SpecSchema } from "../spec/types.js";
import type { Change } from "./types.js";

/** `input`: the schema is filled by the caller (parameters); `output`: it is read by the caller (responses). */
export type Direction = "input" | "output";

const DOC_KEYS = ["description", "title", "example", "default"] as const;

function label(s: SpecSchema): string {
  return s.format ? `${s.type} (${s.format})` : s.type;
}

function join(at: string, name: string): string {
  return at ? `${at}.${name}` : name;
}

/** Limits whose growth accepts more input (max*) or whose shrinking does (min*). */
function compareLimits(a: SpecSchema, b: SpecSchema, at: string, dir: Direction, out: Change[]): void {
  for (const key of ["minimum", "minLength", "minItems", "maximum", "maxLength", "maxItems"] as const) {
    const before = a[key];
    const after = b[key];
    if (before === after) continue;
    const isMin = key.startsWith("min");
    // Added limit, or a min that grew, or a max that shrank: fewer inputs accepted.
    const tighter = before === undefined ? true : after === undefined ? false : isMin ? after > before : after < before;
    const what = `${key} ${before ?? "none"} → ${after ?? "none"}`;
    out.push({ class: dir === "input" && tighter ? "breaking" : "patch", at, what });
  }
  if (a.pattern !== b.pattern) {
    out.push({ class: dir === "input" && b.pattern !== undefined ? "breaking" : "patch", at, what: `pattern ${a.pattern ?? "none"} → ${b.pattern ?? "none"}` });
  }
}

function compareEnum(a: SpecSchema, b: SpecSchema, at: string, dir: Direction, out: Change[]): void {
  if (a.enum === undefined && b.enum === undefined) return;
  if (a.enum === undefined) {
    out.push({ class: dir === "input" ? "breaking" : "additive", at, what: `restricted to ${JSON.stringify(b.enum)}` });
    return;
  }
  if (b.enum === undefined) {
    out.push({ class: dir === "input" ? "additive" : "breaking", at, what: "no longer restricted to an enum" });
    return;
  }
  for (const v of a.enum) if (!b.enum.includes(v)) out.push({ class: "breaking", at, what: `enum value ${JSON.stringify(v)} removed` });
  for (const v of b.enum) if (!a.enum.includes(v)) out.push({ class: "additive", at, what: `enum value ${JSON.stringify(v)} added` });
}

function compareProperties(a: SpecSchema, b: SpecSchema, at: string, dir: Direction, docs: boolean, out: Change[]): void {
  const before = a.properties ?? {};
  const after = b.properties ?? {};
  const reqA = new Set(a.required ?? []);
  const reqB = new Set(b.required ?? []);
  for (const name of Object.keys(before)) {
    // Removed from an input: object literals that still pass it no longer typecheck. From an output: readers lose it.
    if (!(name in after)) out.push({ class: "breaking", at: join(at, name), what: "removed" });
  }
  for (const [name, sub] of Object.entries(after)) {
    const path = join(at, name);
    const old = before[name];
    if (old === undefined) {
      out.push({ class: dir === "input" && reqB.has(name) ? "breaking" : "additive", at: path, what: reqB.has(name) ? "added (required)" : "added" });
      continue;
    }
    if (reqA.has(name) !== reqB.has(name)) {
      const nowRequired = reqB.has(name);
      // Input: newly required breaks callers. Output: newly optional breaks readers that relied on presence.
      const breaking = dir === "input" ? nowRequired : !nowRequired;
      out.push({ class: breaking ? "breaking" : "additive", at: path, what: nowRequired ? "optional → required" : "required → optional" });
    }
    diffSchema(old, sub, path, dir, docs, out);
  }
}

/**
 * Appends to `out` every change from `a` to `b` at `at`. `docs` false skips documentation fields (used when
 * the new side is request-only metadata that has none).
 */
export function diffSchema(a: SpecSchema, b: SpecSchema, at: string, dir: Direction, docs: boolean, out: Change[]): void {
  if (a.type !== b.type || a.format !== b.format) {
    out.push({ class: "breaking", at, what: `type ${label(a)} → ${label(b)}` });
    return;
  }
  compareEnum(a, b, at, dir, out);
  compareLimits(a, b, at, dir, out);
  if (docs) {
    for (const key of DOC_KEYS) {
      if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) out.push({ class: "patch", at, what: `${key} changed` });
    }
  }
  if (Boolean(a.deprecated) !== Boolean(b.deprecated)) out.push({ class: b.deprecated ? "additive" : "patch", at, what: b.deprecated ? "deprecated" : "no longer deprecated" });
  if (a.items && b.items) diffSchema(a.items, b.items, `${at}[]`, dir, docs, out);
  if (a.type === "object") compareProperties(a, b, at, dir, docs, out);
}
