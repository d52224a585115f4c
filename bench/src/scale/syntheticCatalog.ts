// Synthetic catalogs for the scale benchmarks: operations derived from the committed specs, renamed, spread
// over synthetic products of realistic size (200–400 operations each, like ECS or VPC), so that the
// per-product build units (one esbuild call, one TypeScript program, one contract suite per product) are
// exercised at the size they will have when the whole catalog is published.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SpecDocument } from "./generatorModule.js";

/** Operations per synthetic product: between these, averaging about 300. */
export const MIN_PER_PRODUCT = 200;
export const MAX_PER_PRODUCT = 400;

/** Suffixes that make the second, third… copy of a source operation a distinct action (`StopDataFlowBravo`). */
const VARIANTS = ["", "Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliet", "Kilo", "Lima", "Mike", "November", "Oscar", "Papa", "Quebec", "Romeo", "Sierra", "Tango", "Uniform", "Victor", "Whiskey", "Xray", "Yankee", "Zulu"];

/** `0 → aaa`, `1 → aab`, … : a letters-only suffix, since product codes become npm name prefixes. */
export function letters(index: number, width = 3): string {
  let out = "";
  for (let i = 0, n = index; i < width; i++, n = Math.floor(n / 26)) out = String.fromCharCode(97 + (n % 26)) + out;
  return out;
}

/** A committed product the synthetic ones copy from: its product file and its operation specs. */
export interface SourceProduct {
  readonly code: string;
  readonly doc: Record<string, unknown> & { product: string; version: string; title: string; style: string };
  readonly operations: readonly SpecDocument[];
}

/** One synthetic product of a catalog. */
export interface SyntheticProduct {
  readonly code: string;
  /** The committed product its operations are copies of (same API style, same shapes). */
  readonly source: string;
  readonly operations: number;
}

/**
 * Sizes of the synthetic products for `count` operations: 200–400 each by a fixed pattern (deterministic:
 * the same count always gives the same catalog), averaging about 300. A rest below 200 is spread over the
 * products before it; a catalog below 200 operations is one product of that size.
 */
export function productSizes(count: number): number[] {
  const span = MAX_PER_PRODUCT - MIN_PER_PRODUCT + 1;
  const sizes: number[] = [];
  let left = Math.max(0, Math.floor(count));
  for (let i = 0; left > 0; i++) {
    if (left <= MAX_PER_PRODUCT) {
      if (left >= MIN_PER_PRODUCT || sizes.length === 0) sizes.push(left);
      else {
        for (let j = 0; left > 0; j = (j + 1) % sizes.length) {
          if (sizes.every((n) => n >= MAX_PER_PRODUCT)) {
            sizes.push(left);
            break;
          }
          if (sizes[j]! < MAX_PER_PRODUCT) {
            sizes[j]!++;
            left--;
          }
        }
      }
      break;
    }
    let size = MIN_PER_PRODUCT + ((i * 97) % span);
    if (left - size < MIN_PER_PRODUCT) size = left - MIN_PER_PRODUCT;
    sizes.push(size);
    left -= size;
  }
  return sizes;
}

type Json = Record<string, unknown>;

function onlyOperation(doc: SpecDocument): Json {
  const methods = Object.values(doc.paths)[0]!;
  return Object.values(methods)[0]!;
}

/**
 * Writes `count` synthetic operations into `specsDir` (next to whatever is there), as products
 * `synthaaa`, `synthaab`, …: product i copies the operations of source product i mod n, in order, the
 * first copy keeping each action's name and every further copy adding a suffix, until it has its size.
 * Specs are JSON (the loader reads `.json`; JSON is valid YAML for `_product.yaml`), keep their source's
 * API version, and differ from their source only in product, action and title.
 */
export function writeSyntheticCatalog(sources: readonly SourceProduct[], count: number, specsDir: string): SyntheticProduct[] {
  const usable = sources.filter((s) => s.operations.length > 0);
  if (usable.length === 0) throw new Error("no source products with operations");
  const out: SyntheticProduct[] = [];
  productSizes(count).forEach((size, p) => {
    const source = usable[p % usable.length]!;
    if (Math.ceil(size / source.operations.length) > VARIANTS.length) throw new Error(`${source.code}: too few operations to fill a product of ${size}`);
    const code = `synth${letters(p)}`;
    const product = `Synth${letters(p).toUpperCase()}`;
    const version = source.doc.version;
    const dir = join(specsDir, code, version);
    mkdirSync(dir, { recursive: true });
    const { regions: _, ...endpoints } = source.doc.endpoints as Json;
    const productDoc = {
      ...source.doc,
      product,
      code,
      title: `Synthetic ${product} (operations of ${source.doc.title})`,
      endpoints: { ...endpoints, pattern: `${code}.{regionId}.aliyuncs.com`, ...(endpoints.vpcPattern ? { vpcPattern: `${code}-vpc.{regionId}.aliyuncs.com` } : {}) },
    };
    writeFileSync(join(dir, "_product.yaml"), `${JSON.stringify(productDoc, null, 2)}\n`);
    const actions = new Set<string>();
    for (let j = 0; j < size; j++) {
      const n = source.operations.length;
      const doc = structuredClone(source.operations[j % n]!);
      const op = onlyOperation(doc);
      const action = `${String(op.operationId)}${VARIANTS[Math.floor(j / n)]}`;
      if (actions.has(action)) throw new Error(`${code}: action ${action} twice`);
      actions.add(action);
      op.operationId = action;
      op["x-acs-action"] = action;
      doc["x-acs-product"] = product;
      doc.info = { ...doc.info, title: `${product} ${action}` };
      writeFileSync(join(dir, `${action}.json`), `${JSON.stringify(doc)}\n`);
    }
    out.push({ code, source: source.code, operations: size });
  });
  return out;
}

/** Groups loaded specs (the generator's `loadSpecs`) into source products, sorted by code. */
export function sourceProducts(loaded: { products: readonly { file: string; doc: Record<string, unknown> }[]; operations: readonly { file: string; doc: SpecDocument }[] }): SourceProduct[] {
  return loaded.products
    .map((p) => {
      const folder = p.file.split("/").slice(0, -1).join("/");
      return {
        code: String(p.doc.code),
        doc: p.doc as SourceProduct["doc"],
        operations: loaded.operations.filter((o) => o.file.startsWith(`${folder}/`)).map((o) => o.doc),
      };
    })
    .sort((a, b) => (a.code < b.code ? -1 : 1));
}
