// The generated operations, found on disk: `packages/<product>/<operation>/src/index.ts`, under every product
// folder whose package.json names the specs it was generated from. The runtime cannot depend on the generated
// packages (they depend on it: a turbo cycle), so they are found by path and imported by file; vitest.config.ts
// resolves their `@acs-modular/runtime` import to this package's sources, so their descriptors run through the
// code under test, and a newly generated operation is picked up without touching the suites.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { OperationDescriptor } from "../../src/operation.js";

/** `packages/`, the parent of every product folder. */
export const PACKAGES_DIR = fileURLToPath(new URL("../../../", import.meta.url));

/** One generated operation package. */
export interface GeneratedOperation {
  /** `<product>/<operation>`, relative to `packages/`, for test names. */
  readonly name: string;
  /** Its `src/index.ts`. */
  readonly entry: string;
  /** Its recorded fixtures folder (which may not exist). */
  readonly fixtures: string;
}

function isGeneratedProduct(dir: string): boolean {
  const manifest = join(dir, "package.json");
  if (!existsSync(manifest)) return false;
  const pkg = JSON.parse(readFileSync(manifest, "utf8")) as { "acs-modular"?: { generatedProduct?: unknown } };
  return typeof pkg["acs-modular"]?.generatedProduct === "string";
}

/** Every generated operation package, sorted by name. */
export function generatedOperations(): GeneratedOperation[] {
  const out: GeneratedOperation[] = [];
  for (const product of readdirSync(PACKAGES_DIR, { withFileTypes: true })) {
    const productDir = join(PACKAGES_DIR, product.name);
    if (!product.isDirectory() || !isGeneratedProduct(productDir)) continue;
    for (const op of readdirSync(productDir, { withFileTypes: true })) {
      const entry = join(productDir, op.name, "src", "index.ts");
      if (op.isDirectory() && existsSync(entry)) out.push({ name: `${product.name}/${op.name}`, entry, fixtures: join(productDir, op.name, "fixtures") });
    }
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function isDescriptor(value: unknown): value is OperationDescriptor {
  const v = value as Partial<OperationDescriptor> | null;
  return typeof v === "object" && v !== null && typeof v.action === "string" && typeof v.version === "string" && Array.isArray(v.parameters);
}

/** Imports an operation package and returns the one OperationDescriptor it exports. */
export async function loadDescriptor(op: GeneratedOperation): Promise<OperationDescriptor> {
  const mod = (await import(pathToFileURL(op.entry).href)) as Record<string, unknown>;
  const found = Object.values(mod).filter(isDescriptor);
  if (found.length !== 1) throw new Error(`${op.name}: expected one exported OperationDescriptor, found ${found.length}`);
  return found[0]!;
}
