// `acs-gen import`: Alibaba Cloud api-docs metadata → specs/<code>/<version>/_product.yaml + <Action>.yaml.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { kebabCase, pascalCase } from "../model/naming.js";
import { SpecError } from "../spec/SpecError.js";
import { operationSchema } from "../spec/schemas.js";
import type { OperationSpecDocument, ProductSpecDocument, SpecOperation, SpecStyle } from "../spec/types.js";
import { assertSchema, checkOperationSemantics, singleOperation } from "../spec/validateSpec.js";
import type { ApiDocs } from "./apiDocs.js";
import { convertEndpoints } from "./convertEndpoints.js";
import { convertOperation } from "./convertOperation.js";
import { detectPagination } from "./detectPagination.js";
import { IssueSink, type ImportIssue } from "./ImportReport.js";
import { overlayExisting } from "./overlayExisting.js";
import { RefusedOperation } from "./RefusedOperation.js";

/** The specs already in the output folder: their wording (and, for request-only metadata, responses) survive. */
export interface ExistingSpecs {
  readonly product?: ProductSpecDocument | undefined;
  readonly operations: ReadonlyMap<string, OperationSpecDocument>;
}

export interface ImportOptions {
  /** Lower-case product code: the spec folder and npm name prefix (`nas`). */
  readonly code: string;
  /** Product title for docs; default the existing spec's, else the product code as Alibaba spells it. */
  readonly title?: string;
  readonly existing?: ExistingSpecs;
  /** The metadata has no responses (default: detected, when no API has any). */
  readonly requestsOnly?: boolean;
}

/** An operation left out, and why (one line). */
export interface Refusal {
  readonly action: string;
  readonly reason: string;
}

export interface ImportResult {
  readonly product: ProductSpecDocument;
  /** Action → spec document, sorted by action. */
  readonly operations: ReadonlyMap<string, OperationSpecDocument>;
  readonly refused: readonly Refusal[];
  readonly issues: readonly ImportIssue[];
  readonly requestsOnly: boolean;
}

/** Styles whose requests this runtime builds and signs (signature V3). Others sign differently (SLS, OSS, …). */
const SUPPORTED_STYLES: ReadonlySet<string> = new Set<SpecStyle>(["RPC", "ROA", "V3", "FC"]);

/** Thrown for metadata of a style this runtime does not sign: nothing of the product is imported. */
export class UnsupportedStyleError extends Error {
  override readonly name = "UnsupportedStyleError";
}

/** Reads api-docs JSON from a local file or, when `from` is an http(s) URL, over the network. */
export async function readApiDocs(from: string): Promise<ApiDocs> {
  const text = /^https?:\/\//.test(from) ? await (await fetch(from)).text() : readFileSync(from, "utf8");
  const docs = JSON.parse(text) as ApiDocs;
  if (typeof docs !== "object" || docs === null || typeof docs.apis !== "object" || typeof docs.info?.product !== "string") {
    throw new Error(`${from}: not api-docs metadata (expected info.product and apis)`);
  }
  return docs;
}

/**
 * The metadata lists public endpoints only: a VPC pattern and region exceptions written into the existing
 * product file (from the product's endpoint documentation) are kept; regions the metadata lists follow it.
 */
function withExistingEndpoints(imported: ProductSpecDocument["endpoints"], existing: ProductSpecDocument["endpoints"] | undefined): ProductSpecDocument["endpoints"] {
  if (existing === undefined) return imported;
  const regions = { ...existing.regions, ...imported.regions };
  const vpcPattern = imported.vpcPattern ?? existing.vpcPattern;
  return {
    pattern: imported.pattern,
    ...(vpcPattern !== undefined ? { vpcPattern } : {}),
    ...(Object.keys(regions).length > 0 ? { regions: Object.fromEntries(Object.entries(regions).sort(([a], [b]) => (a < b ? -1 : 1))) } : {}),
  };
}

/**
 * `doc` with its paginator (detected from its parameters and answer) and the waiters written for it in the
 * existing spec, placed before its parameters.
 */
function withPaging(doc: OperationSpecDocument, existing: OperationSpecDocument | undefined): OperationSpecDocument {
  const { path, method, op } = singleOperation(doc);
  const pagination = detectPagination(op);
  const waiters = existing === undefined ? undefined : singleOperation(existing).op["x-acs-waiters"];
  const { parameters, responses, ...head } = op;
  const paged: SpecOperation = {
    ...head,
    ...(pagination !== undefined ? { "x-acs-pagination": pagination } : {}),
    ...(waiters !== undefined ? { "x-acs-waiters": waiters } : {}),
    parameters,
    responses,
  };
  return { ...doc, paths: { [path]: { [method]: paged } } };
}

/** The spec document `doc` passes the same checks `pnpm generate` runs, or the reason it does not. */
function specProblem(doc: OperationSpecDocument, product: ProductSpecDocument, action: string): string | undefined {
  try {
    assertSchema(operationSchema(), action, doc);
    checkOperationSemantics(action, doc, product, action);
    return undefined;
  } catch (error) {
    if (error instanceof SpecError) return `${error.jsonPath || "/"}: ${error.reason}`;
    throw error;
  }
}

/**
 * Converts parsed metadata; pure (no I/O), so it is tested on small documents. An operation that cannot be
 * represented is refused with a one-line reason; the others are imported. A product whose style this runtime
 * does not sign is refused whole ({@link UnsupportedStyleError}).
 */
export function convertApiDocs(docs: ApiDocs, options: ImportOptions): ImportResult {
  const style = docs.info.style;
  if (!SUPPORTED_STYLES.has(style)) {
    throw new UnsupportedStyleError(`${docs.info.product} ${docs.info.version}: style '${style}' is not supported (this runtime signs RPC, ROA, V3 and FC requests with signature V3; '${style}' requests are signed another way)`);
  }
  const issues: ImportIssue[] = [];
  const productSink = new IssueSink("_product");
  const product: ProductSpecDocument = {
    "x-acs-spec-kind": "product",
    product: docs.info.product,
    code: options.code,
    version: docs.info.version,
    title: options.title ?? options.existing?.product?.title ?? docs.info.product,
    style: style as SpecStyle,
    signature: "ACS3-HMAC-SHA256",
    protocols: ["https"],
    endpoints: withExistingEndpoints(
      convertEndpoints(docs.endpoints ?? [], `${options.code}.{regionId}.aliyuncs.com`, (m) => productSink.report("endpoints", m)),
      options.existing?.product?.endpoints,
    ),
  };
  const requestsOnly = options.requestsOnly ?? Object.values(docs.apis).every((a) => a.responses === undefined);
  if (requestsOnly) productSink.report("responses", "request-only metadata: each operation keeps the responses, errors and access level of its existing spec (none for a new one)");
  issues.push(...productSink.issues);
  const components = docs.components?.schemas ?? {};
  const operations = new Map<string, OperationSpecDocument>();
  const refused: Refusal[] = [];
  const packages = new Map<string, string>();
  for (const action of Object.keys(docs.apis).sort()) {
    const sink = new IssueSink(action);
    try {
      if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(action)) throw new RefusedOperation("the action name is not a valid operation id");
      const kebab = kebabCase(pascalCase(action));
      const twin = packages.get(kebab);
      if (twin !== undefined) throw new RefusedOperation(`it would generate the same package as ${twin}`);
      const converted = convertOperation(action, docs.apis[action]!, docs, style as SpecStyle, { sink, components });
      const previous = options.existing?.operations.get(action);
      const doc = withPaging(overlayExisting(converted, previous, requestsOnly, sink), previous);
      const problem = specProblem(doc, product, action);
      if (problem !== undefined) throw new RefusedOperation(`the spec would not validate (${problem})`);
      operations.set(action, doc);
      packages.set(kebab, action);
    } catch (error) {
      if (!(error instanceof RefusedOperation)) throw error;
      refused.push({ action, reason: error.message });
    }
    issues.push(...sink.issues);
  }
  return { product, operations, refused, issues, requestsOnly };
}

function yamlFile(header: string, doc: unknown): string {
  // YAML 1.1 quoting: strings such as 2017-06-26 or "on" stay strings for every YAML reader, not only 1.2 ones.
  return `# ${header}\n${stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false, version: "1.1" })}`;
}

/** The specs in `<outDir>/<code>/<version>/`, to carry over what the metadata lacks. */
export function readExistingSpecs(outDir: string, code: string, version: string): ExistingSpecs {
  const dir = join(outDir, code, version);
  const operations = new Map<string, OperationSpecDocument>();
  if (!existsSync(dir)) return { operations };
  let product: ProductSpecDocument | undefined;
  for (const name of readdirSync(dir).sort()) {
    if (!/\.ya?ml$/.test(name)) continue;
    const doc = parse(readFileSync(join(dir, name), "utf8")) as unknown;
    if (name === "_product.yaml") product = doc as ProductSpecDocument;
    else operations.set(name.replace(/\.ya?ml$/, ""), doc as OperationSpecDocument);
  }
  return { product, operations };
}

/**
 * Writes `specs/<code>/<version>/`: the product file and one file per operation. Operation files of that
 * folder that the metadata no longer has (or now refuses) are removed, so a deleted API shows up as a deleted
 * spec (and the generator reports its package for deprecation) — unless `keepMissing`, for metadata that is
 * older or partial (it cannot tell that an operation was removed). Returns the paths written, relative to `outDir`.
 */
export function writeImportedSpecs(outDir: string, result: ImportResult, source: string, options: { keepMissing?: boolean } = {}): string[] {
  const dir = join(outDir, result.product.code, result.product.version);
  mkdirSync(dir, { recursive: true });
  const header = `Imported by \`acs-gen import\` from ${source} (Alibaba Cloud api-docs metadata: facts only; the reference page is linked from the package). Re-import instead of editing.`;
  const written: string[] = [];
  const keep = new Set(["_product.yaml", ...[...result.operations.keys()].map((a) => `${a}.yaml`)]);
  if (!options.keepMissing) {
    for (const name of readdirSync(dir)) {
      if (/\.(ya?ml|json)$/.test(name) && !keep.has(name)) rmSync(join(dir, name));
    }
  }
  writeFileSync(join(dir, "_product.yaml"), yamlFile(header, result.product));
  written.push(`${result.product.code}/${result.product.version}/_product.yaml`);
  for (const [action, doc] of result.operations) {
    writeFileSync(join(dir, `${action}.yaml`), yamlFile(header, doc));
    written.push(`${result.product.code}/${result.product.version}/${action}.yaml`);
  }
  return written;
}
