// Re-importing over committed specs must not lose what the metadata does not carry: the wording written in
// this repository (summaries, descriptions), and, for request-only metadata, the responses, error codes and
// access level that the full metadata gave earlier.
import { singleOperation } from "../spec/validateSpec.js";
import type { OperationSpecDocument, SpecOperation, SpecResponse, SpecSchema } from "../spec/types.js";
import { ordered } from "./convertParameter.js";
import type { IssueSink } from "./ImportReport.js";

/**
 * Descriptions and titles of `from`, copied onto the same fields of `to` wherever both have the field; with
 * `examples`, also the examples and defaults `to` lacks (request-only metadata carries none).
 */
function carrySchemaProse(to: SpecSchema, from: SpecSchema | undefined, examples = false): void {
  if (from === undefined || from.type !== to.type) return;
  if (from.description !== undefined) to.description = from.description;
  if (from.title !== undefined) to.title = from.title;
  if (examples) {
    if (to.example === undefined && from.example !== undefined) to.example = from.example;
    if (to.default === undefined && from.default !== undefined) to.default = from.default;
  }
  if (to.items) carrySchemaProse(to.items, from.items, examples);
  for (const [name, sub] of Object.entries(to.properties ?? {})) carrySchemaProse(sub, from.properties?.[name], examples);
}

function carryResponseProse(to: Record<string, SpecResponse>, from: Record<string, SpecResponse>): void {
  for (const [status, response] of Object.entries(to)) {
    const old = from[status];
    if (old === undefined) continue;
    // The 200's description says what kind of body it is (or that none is documented): a fact, not wording.
    if (status !== "200") response.description = old.description;
    const schema = response.content?.["application/json"]?.schema;
    if (schema) carrySchemaProse(schema, old.content?.["application/json"]?.schema);
    for (const code of response["x-acs-error-codes"] ?? []) {
      const before = old["x-acs-error-codes"]?.find((c) => c.code === code.code);
      if (before === undefined) continue;
      if (code.message === "") code.message = before.message;
      if (before.description !== undefined) code.description = before.description;
    }
  }
}

/**
 * `imported` with the wording of `existing` (the spec of the same operation already in the repository):
 * its summary, description, deprecation note, parameter descriptions and the descriptions of schema fields
 * that still exist. With `requestsOnly`, the metadata carries no responses, errors, access level or
 * examples, so `existing`'s are kept, instead of being read as removed.
 */
export function overlayExisting(imported: OperationSpecDocument, existing: OperationSpecDocument | undefined, requestsOnly: boolean, sink: IssueSink): OperationSpecDocument {
  if (existing === undefined) return imported;
  const { op } = singleOperation(imported);
  const { op: old } = singleOperation(existing);
  if (old.summary !== undefined) op.summary = old.summary;
  if (old.description !== undefined) op.description = old.description;
  if (old["x-acs-deprecated-note"] !== undefined && op.deprecated) op["x-acs-deprecated-note"] = old["x-acs-deprecated-note"];
  for (const p of op.parameters) {
    const before = old.parameters.find((x) => x.name === p.name);
    if (before === undefined) continue;
    if (before.description !== undefined) p.description = before.description;
    if (requestsOnly && p.example === undefined && before.example !== undefined) p.example = before.example;
    carrySchemaProse(p.schema, before.schema, requestsOnly);
  }
  op.parameters = op.parameters.map(ordered);
  if (requestsOnly) {
    op.responses = structuredClone(old.responses);
    op["x-acs-access"] = old["x-acs-access"];
  } else {
    carryResponseProse(op.responses, old.responses);
  }
  return reorder(imported, op);
}

/** Key order of the hand-written specs, so imported files read the same way. */
const OPERATION_KEYS = ["operationId", "summary", "description", "deprecated", "x-acs-deprecated-note"] as const;

function reorder(doc: OperationSpecDocument, op: SpecOperation): OperationSpecDocument {
  const ordered: Record<string, unknown> = {};
  for (const k of OPERATION_KEYS) if (op[k] !== undefined) ordered[k] = op[k];
  for (const [k, v] of Object.entries(op)) if (!(k in ordered)) ordered[k] = v;
  const { path, method } = singleOperation(doc);
  return { ...doc, paths: { [path]: { [method]: ordered as unknown as SpecOperation } } };
}
