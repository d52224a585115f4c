// Reads Alibaba's api-docs metadata (`../shared/alibaba-metadata/<product>-<version>.requests-2025.json`) at
// run time and normalizes what this suite needs from it: per operation the method, path, body media type and
// parameters, with `$ref`s inlined, numeric strings (`"minimum": "1"`) turned into numbers, Alibaba's
// per-field `required: true` turned into JSON Schema `required` lists, and parameters declared twice merged.
// The metadata is test data and is never committed: a missing file is reported, and the suites skip.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Product } from "../products.js";

/** The repository root (`/work/main`), from this file's location. */
export const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
/** Where the shared metadata lives, relative to the repository root. */
export const METADATA_DIR = join(REPO_ROOT, "..", "shared", "alibaba-metadata");

/** The JSON-Schema-like subset the metadata uses for parameters. */
export interface ParamSchema {
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly (string | number)[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly pattern?: string;
  readonly items?: ParamSchema;
  readonly properties?: Readonly<Record<string, ParamSchema>>;
  /** Names of required properties (collected from the metadata's per-field `required: true`). */
  readonly required?: readonly string[];
  readonly additionalProperties?: ParamSchema;
  /** Set where a `$ref` cycle was cut: the field is left out of generated inputs. */
  readonly cyclic?: true;
}

export type ParamLocation = "query" | "path" | "header" | "body" | "formData" | "host";

export interface MetaParameter {
  readonly name: string;
  readonly in: ParamLocation;
  /** `flat` (default), `repeatList`, `json` or `simple`. */
  readonly style?: string;
  readonly required: boolean;
  readonly schema: ParamSchema;
}

export interface MetaOperation {
  readonly action: string;
  /** Upper case; the first of the metadata's `methods`. */
  readonly method: string;
  /** Path template (`/clusters/{ClusterId}`); `/` for RPC. */
  readonly path: string;
  readonly consumes: readonly string[];
  readonly produces: readonly string[];
  readonly parameters: readonly MetaParameter[];
}

export interface ProductMetadata {
  readonly file: string;
  readonly style: string;
  readonly version: string;
  /** Sorted by action name. */
  readonly operations: readonly MetaOperation[];
}

/** The metadata file of a product; `undefined` when `../shared` is absent. */
export function metadataFile(product: Product, kind: "requests-2025" | "full-2024" = "requests-2025"): string | undefined {
  const file = join(METADATA_DIR, `${product.code}-${product.version}.${kind}.json`);
  return existsSync(file) ? file : undefined;
}

type Raw = Record<string, unknown>;

function num(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/** Normalizes one raw schema, inlining `$ref`s; `seen` holds the refs on the current path (cycle guard). */
export function normalizeSchema(raw: unknown, components: Readonly<Record<string, unknown>>, seen: readonly string[] = []): ParamSchema {
  if (typeof raw !== "object" || raw === null) return {};
  let r = raw as Raw;
  const ref = typeof r.$ref === "string" ? r.$ref : undefined;
  if (ref !== undefined) {
    if (seen.includes(ref)) return { type: "object", cyclic: true };
    const name = ref.replace(/^#\/components\/schemas\//, "");
    const target = components[name];
    // Fields beside a $ref (Alibaba puts `required` there) apply to the referring property, not the target.
    return normalizeSchema(typeof target === "object" && target !== null ? target : {}, components, [...seen, ref]);
  }
  const out: Record<string, unknown> = {};
  if (typeof r.type === "string") out.type = r.type;
  if (typeof r.format === "string") out.format = r.format;
  for (const key of ["minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems"] as const) {
    const n = num(r[key]);
    if (n !== undefined) out[key] = n;
  }
  if (typeof r.pattern === "string" && r.pattern !== "") out.pattern = r.pattern;
  if (Array.isArray(r.enum) && r.enum.length > 0) {
    const numeric = out.type === "integer" || out.type === "number";
    out.enum = r.enum.map((v) => (numeric ? (num(v) ?? v) : String(v))) as (string | number)[];
  }
  if (r.items !== undefined) out.items = normalizeSchema(r.items, components, seen);
  if (typeof r.additionalProperties === "object" && r.additionalProperties !== null) {
    out.additionalProperties = normalizeSchema(r.additionalProperties, components, seen);
  }
  if (typeof r.properties === "object" && r.properties !== null && !Array.isArray(r.properties)) {
    const properties: Record<string, ParamSchema> = {};
    const required = new Set<string>(Array.isArray(r.required) ? (r.required as string[]) : []);
    for (const [name, sub] of Object.entries(r.properties as Raw)) {
      properties[name] = normalizeSchema(sub, components, seen);
      if ((sub as Raw | null)?.required === true) required.add(name);
    }
    out.properties = properties;
    if (required.size > 0) out.required = [...required];
  }
  if (out.type === undefined && out.properties !== undefined) out.type = "object";
  r = out;
  return r as ParamSchema;
}

/** Parameters in declaration order, a second declaration of a name merged into the first. */
function normalizeParameters(raw: unknown, components: Readonly<Record<string, unknown>>): MetaParameter[] {
  const byName = new Map<string, MetaParameter>();
  for (const p of Array.isArray(raw) ? (raw as Raw[]) : []) {
    const name = String(p.name);
    const schemaRaw = (p.schema ?? {}) as Raw;
    const param: MetaParameter = {
      name,
      in: String(p.in) as ParamLocation,
      ...(typeof p.style === "string" ? { style: p.style } : {}),
      required: schemaRaw.required === true || p.required === true,
      schema: normalizeSchema(schemaRaw, components),
    };
    const first = byName.get(name);
    // ECS and VPC declare some parameters twice (RegionId, ClientToken): one parameter, required if either says so.
    byName.set(name, first ? { ...first, required: first.required || param.required } : param);
  }
  return [...byName.values()];
}

/** Loads and normalizes a product's metadata file. */
export function loadMetadata(file: string): ProductMetadata {
  const doc = JSON.parse(readFileSync(file, "utf8")) as Raw;
  const info = (doc.info ?? {}) as Raw;
  const components = (((doc.components ?? {}) as Raw).schemas ?? {}) as Raw;
  const apis = (doc.apis ?? {}) as Record<string, Raw>;
  const operations: MetaOperation[] = Object.keys(apis)
    .sort()
    .map((action) => {
      const api = apis[action]!;
      const methods = Array.isArray(api.methods) ? (api.methods as string[]) : ["post"];
      return {
        action,
        method: (methods[0] ?? "post").toUpperCase(),
        path: typeof api.path === "string" ? api.path : "/",
        consumes: Array.isArray(api.consumes) ? (api.consumes as string[]) : [],
        produces: Array.isArray(api.produces) ? (api.produces as string[]) : [],
        parameters: normalizeParameters(api.parameters, components),
      };
    });
  return { file, style: String(info.style ?? ""), version: String(info.version ?? doc.version ?? ""), operations };
}
