// Loads every generated operation descriptor by file path. The runtime cannot depend on the generated
// packages (they depend on it: a turbo cycle), so they are found on disk and imported directly; a newly
// generated operation is picked up without touching this suite.
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { OperationDescriptor } from "../../src/operation.js";

/** `packages/`, the parent of every product folder. */
export const PACKAGES_DIR = fileURLToPath(new URL("../../../", import.meta.url));

const NOT_PRODUCTS = new Set(["runtime", "testing"]);

/** Paths of `packages/<product>/<operation>/src/descriptor.gen.ts`, sorted. */
export function descriptorFiles(): string[] {
  const files: string[] = [];
  for (const product of readdirSync(PACKAGES_DIR, { withFileTypes: true })) {
    if (!product.isDirectory() || NOT_PRODUCTS.has(product.name)) continue;
    const productDir = join(PACKAGES_DIR, product.name);
    for (const op of readdirSync(productDir, { withFileTypes: true })) {
      const file = join(productDir, op.name, "src", "descriptor.gen.ts");
      if (op.isDirectory() && existsSync(file)) files.push(file);
    }
  }
  return files.sort();
}

function isDescriptor(value: unknown): value is OperationDescriptor {
  const v = value as Partial<OperationDescriptor> | null;
  return typeof v === "object" && v !== null && typeof v.action === "string" && Array.isArray(v.parameters);
}

/** A descriptor and the file it came from (relative to `packages/`, for test names). */
export interface LoadedDescriptor {
  readonly file: string;
  readonly descriptor: OperationDescriptor;
}

/** Imports each descriptor file and returns the one exported descriptor of each. */
export async function loadDescriptors(): Promise<LoadedDescriptor[]> {
  const out: LoadedDescriptor[] = [];
  for (const file of descriptorFiles()) {
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const found = Object.values(mod).filter(isDescriptor);
    if (found.length !== 1) throw new Error(`${file}: expected one exported OperationDescriptor, found ${found.length}`);
    out.push({ file: relative(PACKAGES_DIR, file), descriptor: found[0]! });
  }
  return out;
}
