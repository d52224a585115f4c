// Recognises the paging conventions of Alibaba Cloud APIs from an operation's parameters and answer, and
// records them as `x-acs-pagination` (specs/README.md), so that generated packages offer paginators.
import { schemaAt } from "../spec/validateSpec.js";
import type { SpecOperation, SpecPagination, SpecSchema } from "../spec/types.js";

const NEXT_TOKEN = /^next_?token$/i;
const MARKER = /^marker$/i;
const NEXT_MARKER = /^next_?marker$/i;
const PAGE_SIZE = /^(max_?results|page_?size|limit|max_?keys)$/i;
const PAGE_NUMBER = /^page_?number$/i;
const TOTAL_COUNT = /^total_?count$/i;

function topLevelField(body: SpecSchema | undefined, pattern: RegExp): string | undefined {
  return Object.keys(body?.type === "object" ? (body.properties ?? {}) : {}).find((k) => pattern.test(k));
}

/** Dotted paths of the lists in an answer, down to three levels (`Instances.Instance`), in schema order. */
function listPaths(schema: SpecSchema | undefined, prefix = "", depth = 0): string[] {
  if (schema?.type !== "object" || depth > 2) return [];
  return Object.entries(schema.properties ?? {}).flatMap(([k, v]) => {
    const path = prefix ? `${prefix}.${k}` : k;
    return v.type === "array" ? [path] : listPaths(v, path, depth + 1);
  });
}

/**
 * The paginator of an operation, or undefined:
 * - `token`: a `NextToken` parameter (any casing, `next_token` too) and, when the answer is documented, a
 *   `NextToken` in it; the page size is `MaxResults`, `PageSize` or `Limit` when there is one;
 * - `marker`: a `Marker` parameter and a `NextMarker` in the answer;
 * - `page`: numeric `PageNumber` and `PageSize` parameters, and a `TotalCount` or a list in the answer.
 * `items` is the answer's one list, when it has exactly one (else none: the paginator gives pages only).
 */
export function detectPagination(op: SpecOperation): SpecPagination | undefined {
  const params = op.parameters.filter((p) => p["x-acs-in"] === undefined || p["x-acs-in"] === "body" || p["x-acs-in"] === "formData");
  const find = (pattern: RegExp, type?: "integer"): string | undefined =>
    params.find((p) => pattern.test(p.name) && (type === undefined || p.schema.type === "integer" || p.schema.type === "number"))?.name;
  const body = op.responses["200"]?.content?.["application/json"]?.schema;
  const documented = body !== undefined;
  // Page sizes and numbers are counted by the paginator: only numeric parameters can be (some APIs type them as strings).
  const pageSize = find(PAGE_SIZE, "integer");
  const lists = listPaths(body);
  const items = lists.length === 1 ? lists[0] : undefined;
  const withOptional = (p: SpecPagination): SpecPagination => {
    const out: SpecPagination = { ...p };
    if (pageSize !== undefined && p.style !== "page") out.pageSize = pageSize;
    if (items !== undefined) out.items = items;
    return out;
  };
  const token = find(NEXT_TOKEN);
  if (token !== undefined) {
    const output = documented ? topLevelField(body, NEXT_TOKEN) : token;
    if (output !== undefined) return withOptional({ style: "token", inputToken: token, outputToken: output });
  }
  const marker = find(MARKER);
  const nextMarker = topLevelField(body, NEXT_MARKER);
  if (marker !== undefined && nextMarker !== undefined) return withOptional({ style: "marker", inputToken: marker, outputToken: nextMarker });
  const pageNumber = find(PAGE_NUMBER, "integer");
  if (pageNumber !== undefined && pageSize !== undefined) {
    const total = documented ? topLevelField(body, TOTAL_COUNT) : "TotalCount";
    if (total === undefined && items === undefined) return undefined;
    const out: SpecPagination = { style: "page", pageNumber, pageSize };
    if (total !== undefined) out.totalCount = total;
    if (items !== undefined) out.items = items;
    // A paginator must be able to tell the end; both paths must exist where the answer is documented.
    if (documented && total !== undefined && schemaAt(body, total) === undefined) return undefined;
    return out;
  }
  return undefined;
}
