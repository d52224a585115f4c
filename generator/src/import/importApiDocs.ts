// `acs-gen import`: Alibaba Cloud api-docs metadata → specs/<code>/<version>/_product.yaml + <Action>.yaml.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import type { OperationSpecDocument, ProductSpecDocument } from "../spec/types.js";
import type { ApiDocs } from "./apiDocs.js";
import { convertEndpoints } from "./convertEndpoints.js";
import { convertOperation } from "./convertOperation.js";
import { IssueSink, type ImportIssue } from "./ImportReport.js";

export interface ImportOptions {
  /** Lower-case product code: the spec folder and npm name prefix (`nas`). */
  readonly code: string;
  /** Product title for docs; default the product name from the metadata. */
  readonly title?: string;
}

export interface ImportResult {
  readonly product: ProductSpecDocument;
  /** Action → spec document, sorted by action. */
  readonly operations: ReadonlyMap<string, OperationSpecDocument>;
  readonly issues: readonly ImportIssue[];
}

const ACTION = /^[A-Z][A-Za-z0-9]*$/;

/** Reads api-docs JSON from a local file or, when `from` is an http(s) URL, over the network. */
export async function readApiDocs(from: string): Promise<ApiDocs> {
  const text = /^https?:\/\//.test(from) ? await (await fetch(from)).text() : readFileSync(from, "utf8");
  const docs = JSON.parse(text) as ApiDocs;
  if (typeof docs !== "object" || docs === null || typeof docs.apis !== "object" || typeof docs.info?.product !== "string") {
    throw new Error(`${from}: not api-docs metadata (expected info.product and apis)`);
  }
  return docs;
}

/** Converts parsed metadata; pure (no I/O), so it is tested on small documents. */
export function convertApiDocs(docs: ApiDocs, options: ImportOptions): ImportResult {
  const issues: ImportIssue[] = [];
  const productSink = new IssueSink("_product");
  const product: ProductSpecDocument = {
    "x-acs-spec-kind": "product",
    product: docs.info.product,
    code: options.code,
    version: docs.info.version,
    title: options.title ?? docs.info.title ?? docs.info.product,
    style: docs.info.style === "ROA" ? "ROA" : "RPC",
    signature: "ACS3-HMAC-SHA256",
    protocols: ["https"],
    endpoints: convertEndpoints(docs.endpoints ?? [], `${options.code}.{regionId}.aliyuncs.com`, (m) => productSink.report("endpoints", m)),
  };
  if (docs.info.style !== "RPC" && docs.info.style !== "ROA") productSink.report("info/style", `unknown style '${docs.info.style}'; RPC assumed`);
  issues.push(...productSink.issues);
  const components = docs.components?.schemas ?? {};
  const operations = new Map<string, OperationSpecDocument>();
  for (const action of Object.keys(docs.apis).sort()) {
    const sink = new IssueSink(action);
    if (!ACTION.test(action)) {
      sink.report("", "NOT IMPORTED: the action name is not a valid operation id");
    } else {
      operations.set(action, convertOperation(action, docs.apis[action]!, docs, { sink, components }));
    }
    issues.push(...sink.issues);
  }
  return { product, operations, issues };
}

function yamlFile(header: string, doc: unknown): string {
  return `# ${header}\n${stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false })}`;
}

/**
 * Writes `specs/<code>/<version>/`: the product file and one file per operation. Operation files of that
 * folder that the metadata no longer has are removed, so a deleted API shows up as a deleted spec (and the
 * generator reports its package for deprecation). Returns the paths written, relative to `outDir`.
 */
export function writeImportedSpecs(outDir: string, result: ImportResult, source: string): string[] {
  const dir = join(outDir, result.product.code, result.product.version);
  mkdirSync(dir, { recursive: true });
  const header = `Imported by \`acs-gen import\` from ${source} (Alibaba Cloud api-docs metadata). Re-import instead of editing.`;
  const written: string[] = [];
  const keep = new Set(["_product.yaml", ...[...result.operations.keys()].map((a) => `${a}.yaml`)]);
  for (const name of readdirSync(dir)) {
    if (/\.(ya?ml|json)$/.test(name) && !keep.has(name)) rmSync(join(dir, name));
  }
  writeFileSync(join(dir, "_product.yaml"), yamlFile(header, result.product));
  written.push(`${result.product.code}/${result.product.version}/_product.yaml`);
  for (const [action, doc] of result.operations) {
    writeFileSync(join(dir, `${action}.yaml`), yamlFile(header, doc));
    written.push(`${result.product.code}/${result.product.version}/${action}.yaml`);
  }
  return written;
}
