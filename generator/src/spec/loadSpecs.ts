import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative, sep } from "node:path";
import { parse } from "yaml";
import { SpecError } from "./SpecError.js";
import { operationSchema, productSchema } from "./schemas.js";
import type { LoadedOperationSpec, LoadedProductSpec, LoadedSpecs, OperationSpecDocument, ProductSpecDocument } from "./types.js";
import { assertSchema, checkOperationSemantics } from "./validateSpec.js";

const PRODUCT_FILE = "_product.yaml";

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
 */
export function loadSpecs(specsDir: string, rootDir: string): LoadedSpecs {
  const products: LoadedProductSpec[] = [];
  const operations: LoadedOperationSpec[] = [];
  for (const productDir of listDirs(specsDir)) {
    for (const versionDir of listDirs(join(specsDir, productDir))) {
      const dir = join(specsDir, productDir, versionDir);
      const productAbs = join(dir, PRODUCT_FILE);
      const productRel = toPosix(relative(rootDir, productAbs));
      let productDoc: unknown;
      try {
        productDoc = parseFile(productAbs, productRel);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new SpecError(productRel, "", "missing product file");
        throw e;
      }
      assertSchema(productSchema(), productRel, productDoc);
      const product = productDoc as ProductSpecDocument;
      if (product.code !== productDir) throw new SpecError(productRel, "/code", `must equal the folder name '${productDir}'`);
      if (product.version !== versionDir) throw new SpecError(productRel, "/version", `must equal the folder name '${versionDir}'`);
      products.push({ file: productRel, doc: product });
      const files = readdirSync(dir)
        .filter((f) => f !== PRODUCT_FILE && /\.(ya?ml|json)$/.test(f))
        .sort();
      for (const name of files) {
        const abs = join(dir, name);
        const file = toPosix(relative(rootDir, abs));
        const doc = parseFile(abs, file);
        assertSchema(operationSchema(), file, doc);
        checkOperationSemantics(file, doc as OperationSpecDocument, product, basename(name).replace(/\.(ya?ml|json)$/, ""));
        operations.push({ file, doc: doc as OperationSpecDocument });
      }
    }
  }
  return { products, operations };
}
