import type { OperationModel, ProductModel } from "../model/types.js";
import { generatedHeader } from "./header.js";
import type { CompiledTemplate } from "./templates.js";
import type { EmittedFiles } from "./emitPackage.js";

/** The product-level build unit's view: one folder `packages/<code>/` over all of the product's packages. */
export function productViewModel(product: ProductModel, operations: readonly OperationModel[]) {
  const specFolder = `specs/${product.code}/${product.version}`;
  return {
    header: generatedHeader(`${specFolder}/_product.yaml`),
    packageName: `@acs-modular/product-${product.code}`,
    productName: product.product,
    apiVersion: product.version,
    operationCount: operations.length,
    specFolder,
  };
}

/** Renders `packages/<code>/`: the package that builds, typechecks and contract-tests the whole product. */
export function emitProduct(product: ProductModel, operations: readonly OperationModel[], templates: readonly CompiledTemplate[]): EmittedFiles {
  const view = productViewModel(product, operations);
  const files: EmittedFiles = new Map();
  for (const t of templates) files.set(`packages/${product.code}/${t.outputPath}`, t.render(view));
  return files;
}
