// Some metadata declares a parameter twice in one operation (ECS and VPC do, mostly identically). One name is
// one input property and one wire parameter, so the declarations are merged here, before conversion.
import type { ApiDocsParameter } from "./apiDocs.js";
import { isRequiredFlag } from "./convertSchema.js";
import type { IssueSink } from "./ImportReport.js";
import { RefusedOperation } from "./RefusedOperation.js";

function withoutRequired(p: ApiDocsParameter): string {
  const { required: _required, ...schema } = p.schema ?? {};
  return JSON.stringify({ ...p, schema });
}

/**
 * One declaration per parameter name, in first-seen order. Identical declarations are merged silently.
 * Declarations that differ only in `required` are merged as required (the service rejects a call without
 * it, whichever declaration is right) and reported. Declarations that differ in anything else (location,
 * type, style, limits) cannot be merged without guessing: the operation is refused.
 */
export function mergeDuplicateParameters(params: readonly ApiDocsParameter[], sink: IssueSink): ApiDocsParameter[] {
  const byName = new Map<string, ApiDocsParameter[]>();
  for (const p of params) {
    const list = byName.get(p.name);
    if (list) list.push(p);
    else byName.set(p.name, [p]);
  }
  const out: ApiDocsParameter[] = [];
  for (const [name, list] of byName) {
    const first = list[0]!;
    if (list.length === 1) {
      out.push(first);
      continue;
    }
    const same = list.every((p) => JSON.stringify(p) === JSON.stringify(first));
    if (same) {
      out.push(first);
      continue;
    }
    if (!list.every((p) => withoutRequired(p) === withoutRequired(first))) {
      throw new RefusedOperation(`parameter '${name}' is declared ${list.length} times with different locations, types or limits`);
    }
    const required = list.some((p) => p.schema !== undefined && isRequiredFlag(p.schema));
    sink.report(`parameters/${name}`, `declared ${list.length} times, differing only in 'required'; merged as ${required ? "required" : "optional"}`);
    out.push({ ...first, schema: { ...first.schema, required } });
  }
  return out;
}
