// The committed specs of NAS, ECS, VPC, CS and FC are exactly what the repository's import makes of the
// shared metadata: re-importing both files over a copy of them changes no byte. So they hold the metadata's
// facts and nothing else, the wording written here for the data-flow operations survives a re-import, and
// the import is deterministic.
import { cpSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers.js";
import { SHARED_PRODUCTS, fullFile, importProduct, requestsFile, skipReason, tempRoot } from "./wholeProduct.js";

describe.each(SHARED_PRODUCTS.filter((p) => p.committed).map((p) => [p.code, p] as const))("%s: committed specs", (code, product) => {
  const skip = skipReason(fullFile(product), requestsFile(product));
  if (skip) console.warn(`committed ${code}: ${skip}`);

  it.skipIf(skip !== undefined)("are reproduced byte for byte by re-importing the shared metadata over them", async () => {
    const folder = join("specs", product.code, product.version);
    const root = tempRoot();
    cpSync(join(REPO_ROOT, folder), join(root, folder), { recursive: true });
    await importProduct(root, product);
    const files = readdirSync(join(REPO_ROOT, folder)).sort();
    expect(readdirSync(join(root, folder)).sort()).toEqual(files);
    const differing = files.filter((f) => readFileSync(join(root, folder, f), "utf8") !== readFileSync(join(REPO_ROOT, folder, f), "utf8"));
    expect(differing).toEqual([]);
  }, 300_000);
});
