// Compares the old and new spec of one operation: parameters (input), the 200 schema (output), error codes,
// and the operation's own documentation and behaviour flags.
import type { SpecOperation, SpecParameter } from "../spec/types.js";
import { NO_RESPONSE_SCHEMA } from "../import/convertResponses.js";
import { diffSchema } from "./diffSchema.js";
import type { Change, DiffOptions } from "./types.js";

function errorStatuses(op: SpecOperation): Map<string, { status: string; message: string }> {
  const out = new Map<string, { status: string; message: string }>();
  for (const [status, r] of Object.entries(op.responses)) for (const e of r["x-acs-error-codes"] ?? []) out.set(e.code, { status, message: e.message });
  return out;
}

function diffParameters(a: readonly SpecParameter[], b: readonly SpecParameter[], docs: boolean, out: Change[]): void {
  const before = new Map(a.map((p) => [p.name, p]));
  const after = new Map(b.map((p) => [p.name, p]));
  const removed = a.filter((p) => !after.has(p.name));
  const added = b.filter((p) => !before.has(p.name));
  for (const p of removed) {
    // One parameter out and one of the same type in looks like a rename; say so, it is breaking either way.
    const twin = removed.length === 1 && added.length === 1 && added[0]!.schema.type === p.schema.type ? added[0] : undefined;
    out.push({ class: "breaking", at: `parameters/${p.name}`, what: twin ? `removed (renamed to ${twin.name}?)` : "removed" });
  }
  for (const p of added) {
    out.push({ class: p.required ? "breaking" : "additive", at: `parameters/${p.name}`, what: p.required ? "added (required)" : "added (optional)" });
  }
  for (const p of b) {
    const old = before.get(p.name);
    if (old === undefined) continue;
    const at = `parameters/${p.name}`;
    if (Boolean(old.required) !== Boolean(p.required)) {
      out.push({ class: p.required ? "breaking" : "additive", at, what: p.required ? "optional → required" : "required → optional" });
    }
    const wireA = `${old["x-acs-in"] ?? old.in}/${old["x-acs-serialization"] ?? "flat"}`;
    const wireB = `${p["x-acs-in"] ?? p.in}/${p["x-acs-serialization"] ?? "flat"}`;
    // The caller's types do not change; the package sends it differently, which is a fix for them.
    if (wireA !== wireB) out.push({ class: "patch", at, what: `sent as ${wireA} → ${wireB}` });
    if (docs && (old.description !== p.description || JSON.stringify(old.example) !== JSON.stringify(p.example))) out.push({ class: "patch", at, what: "documentation changed" });
    if (Boolean(old.deprecated) !== Boolean(p.deprecated)) out.push({ class: p.deprecated ? "additive" : "patch", at, what: p.deprecated ? "deprecated" : "no longer deprecated" });
    diffSchema(old.schema, p.schema, at, "input", docs, out);
  }
}

function diffResponse(a: SpecOperation, b: SpecOperation, docs: boolean, out: Change[]): void {
  const before = a.responses["200"]?.content?.["application/json"];
  const after = b.responses["200"]?.content?.["application/json"];
  if (before && !after) out.push({ class: "breaking", at: "response", what: "response schema removed (output typed Record<string, unknown>)" });
  else if (!before && after) out.push({ class: "additive", at: "response", what: "response schema documented" });
  else if (before && after) {
    diffSchema(before.schema, after.schema, "response", "output", docs, out);
    if (docs && JSON.stringify(before.example) !== JSON.stringify(after.example)) out.push({ class: "patch", at: "response", what: "example changed" });
  }
}

function diffErrors(a: SpecOperation, b: SpecOperation, out: Change[]): void {
  const before = errorStatuses(a);
  const after = errorStatuses(b);
  for (const [code, e] of before) {
    const now = after.get(code);
    if (now === undefined) out.push({ class: "breaking", at: `errors/${code}`, what: `documented error removed (HTTP ${e.status})` });
    else if (now.status !== e.status) out.push({ class: "breaking", at: `errors/${code}`, what: `HTTP status ${e.status} → ${now.status}` });
    else if (now.message !== e.message) out.push({ class: "patch", at: `errors/${code}`, what: "message changed" });
  }
  for (const [code, e] of after) if (!before.has(code)) out.push({ class: "additive", at: `errors/${code}`, what: `documented error added (HTTP ${e.status})` });
}

/** Every change from `a` to `b`, in a stable order (the order of the checks, then of the spec). */
export function diffOperation(a: SpecOperation, b: SpecOperation, options: DiffOptions = {}): Change[] {
  const docs = !options.requestsOnly;
  const out: Change[] = [];
  diffParameters(a.parameters, b.parameters, docs, out);
  // Request-only metadata has no responses: its 200 says so, and nothing about the output can be compared.
  const unknownOutput = options.requestsOnly && b.responses["200"]?.description === NO_RESPONSE_SCHEMA;
  if (!unknownOutput) {
    diffResponse(a, b, docs, out);
    diffErrors(a, b, out);
  }
  if (docs && (a.summary !== b.summary || (a.description ?? "") !== (b.description ?? ""))) out.push({ class: "patch", at: "operation", what: "summary or description changed" });
  if (Boolean(a.deprecated) !== Boolean(b.deprecated)) out.push({ class: b.deprecated ? "additive" : "patch", at: "operation", what: b.deprecated ? "deprecated" : "no longer deprecated" });
  if (a["x-acs-style"] !== b["x-acs-style"]) out.push({ class: "breaking", at: "operation", what: `style ${a["x-acs-style"]} → ${b["x-acs-style"]}` });
  if (JSON.stringify(a["x-acs-methods"]) !== JSON.stringify(b["x-acs-methods"])) out.push({ class: "patch", at: "operation", what: `methods ${a["x-acs-methods"].join(",")} → ${b["x-acs-methods"].join(",")}` });
  // Request-only metadata has no operationType either, so the access class there is only a guess from the name.
  if (docs && a["x-acs-access"] !== b["x-acs-access"]) out.push({ class: "patch", at: "operation", what: `access ${a["x-acs-access"]} → ${b["x-acs-access"]} (retry behaviour)` });
  if (a["x-acs-idempotency-token"] !== b["x-acs-idempotency-token"]) out.push({ class: "patch", at: "operation", what: "idempotency token changed" });
  return out;
}
