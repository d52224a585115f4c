import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative, sep } from "node:path";
import { parse } from "yaml";
import { SpecError } from "./SpecError.js";
import { operationSchema, productSchema } from "./schemas.js";
import type { LoadedOperationSpec, LoadedProductSpec, LoadedSpecs, OperationSpecDocument, ProductSpecDocument } from "./types.js";
import { assertSchema, checkOperationSemantics } from "./validateSpec.js";

const PRODUCT_FILE = "_product.yaml";

/** The API styles whose requests the runtime builds and signs. */
const SIGNED_STYLES: ReadonlySet<string> = new Set(["RPC", "ROA", "V3", "FC"]);

function toPosix(path: string): string {
  return path.split(sep).join("/");
}

function listDirs(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => !name.startsWith(".") && statSync(join(dir, name)).isDirectory())
    .sort();
}

function parseFile(abs: string, file: string): unknown {
  const text = readFileSync(abs, "utf8");
  try {
    return abs.endsWith(".json") ? JSON.parse(text) : parse(text, { prettyErrors: true, uniqueKeys: true });
  } catch (e) {
    throw new SpecError(file, "", `cannot parse: ${(e as Error).message.split("\n")[0]}`);
  }
}

/**
 * Reads every spec under `specsDir` (`<product>/<version>/_product.yaml` and `<Action>.yaml|json`),
 * validates each against its JSON Schema and the cross-file rules, and returns them sorted by path so
 * that generation does not depend on directory order. `rootDir` makes the reported paths relative.
 *
 * One bad file never sinks the others: an operation spec that fails to parse or validate is listed in
 * `refused` with its {@link SpecError}, and so are all operations of a product version whose product file
 * is missing or invalid. With `strict`, the first problem is thrown instead.
 */
export function loadSpecs(specsDir: string, rootDir: string, options: { strict?: boolean } = {}): LoadedSpecs {
  const all: LoadedSpecs = { products: [], operations: [], refused: [] };
  for (const productDir of listDirs(specsDir)) {
    for (const versionDir of listDirs(join(specsDir, productDir))) {
      const one = loadSpecFolder(join(specsDir, productDir, versionDir), rootDir, options);
      all.products.push(...one.products);
      all.operations.push(...one.operations);
      all.refused.push(...one.refused);
    }
  }
  return all;
}

/** {@link loadSpecs} for one product version folder (`specs/<code>/<version>`). */
export function loadSpecFolder(dir: string, rootDir: string, options: { strict?: boolean } = {}): LoadedSpecs {
  const out: LoadedSpecs = { products: [], operations: [], refused: [] };
  const refuse = (error: unknown): void => {
    if (!(error instanceof SpecError) || options.strict) throw error;
    out.refused.push(error);
  };
  const parts = dir.split(/[\\/]/).filter(Boolean);
  const [productDir, versionDir] = parts.slice(-2) as [string, string];
  let product: ProductSpecDocument;
  try {
    product = loadProduct(dir, rootDir, productDir, versionDir);
  } catch (error) {
    refuse(error);
    return out;
  }
  out.products.push({ file: toPosix(relative(rootDir, join(dir, PRODUCT_FILE))), doc: product });
  const files = readdirSync(dir)
    .filter((f) => f !== PRODUCT_FILE && /\.(ya?ml|json)$/.test(f))
    .sort();
  for (const name of files) {
    const abs = join(dir, name);
    const file = toPosix(relative(rootDir, abs));
    try {
      const doc = parseFile(abs, file);
      assertSchema(operationSchema(), file, doc);
      checkOperationSemantics(file, doc as OperationSpecDocument, product, basename(name).replace(/\.(ya?ml|json)$/, ""));
      out.operations.push({ file, doc: doc as OperationSpecDocument });
    } catch (error) {
      refuse(error);
    }
  }
  return out;
}

function loadProduct(dir: string, rootDir: string, productDir: string, versionDir: string): ProductSpecDocument {
  const productAbs = join(dir, PRODUCT_FILE);
  const productRel = toPosix(relative(rootDir, productAbs));
  let productDoc: unknown;
  try {
    productDoc = parseFile(productAbs, productRel);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new SpecError(productRel, "", "missing product file");
    throw e;
  }
  const style = (productDoc as { style?: unknown } | null)?.style;
  if (typeof style === "string" && !SIGNED_STYLES.has(style)) {
    // Said in words rather than as a failed enum: generating such a package would send requests the service rejects.
    throw new SpecError(productRel, "/style", `style '${style}' is not supported: this runtime signs RPC, ROA, V3 and FC requests (signature V3), and '${style}' requests are signed another way; no package is generated`);
  }
  assertSchema(productSchema(), productRel, productDoc);
  const product = productDoc as ProductSpecDocument;
  if (product.code !== productDir) throw new SpecError(productRel, "/code", `must equal the folder name '${productDir}'`);
  if (product.version !== versionDir) throw new SpecError(productRel, "/version", `must equal the folder name '${versionDir}'`);
  return product;
}
