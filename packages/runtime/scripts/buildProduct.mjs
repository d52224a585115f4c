// Builds every generated package of one product (run from `packages/<code>/`, the product's folder) with one
// esbuild call per module format over all entry points and one TypeScript program for all declarations,
// instead of one process of each per package. Each package gets what build.mjs gives a single package:
//   <op>/dist/index.js     a real ES module, tree-shakable (the runtime stays an external import)
//   <op>/dist/index.cjs    CommonJS, minified
//   <op>/dist/index.d.cts  its declarations (an operation package is one module, so tsc's output as it is)
//   <op>/dist/index.d.ts   one line re-exporting index.d.cts
// An operation package has no platform code of its own: on every runtime it is the runtime it imports that
// picks node:crypto or Web Crypto, node:http or fetch (see the runtime's package.json `exports`).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { BUNDLE_OPTIONS, ESM_OPTIONS } from "./build.mjs";
import { emitDeclarationsOf } from "./emitDeclarations.mjs";

/** The operation folders of a product: sub-folders whose package.json the generator wrote. @param {string} productDir */
export function operationDirs(productDir) {
  return readdirSync(productDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(productDir, d.name, "package.json")))
    .filter((d) => readFileSync(join(productDir, d.name, "package.json"), "utf8").includes('"generatedFrom"'))
    .map((d) => d.name)
    .sort();
}

/** @param {string} productDir */
export async function buildProduct(productDir) {
  const ops = operationDirs(productDir);
  for (const op of ops) {
    rmSync(join(productDir, op, "dist"), { recursive: true, force: true });
    mkdirSync(join(productDir, op, "dist"), { recursive: true });
  }
  const entryPoints = ops.map((op) => ({ in: join(productDir, op, "src", "index.ts"), out: join(op, "dist", "index") }));
  await Promise.all([
    build({ ...ESM_OPTIONS, entryPoints, outdir: productDir, outExtension: { ".js": ".js" } }),
    build({ ...BUNDLE_OPTIONS, entryPoints, outdir: productDir, outExtension: { ".js": ".cjs" } }),
  ]);
  const { files, entries } = emitDeclarationsOf(
    join(productDir, "tsconfig.json"),
    ops.map((op) => join(productDir, op, "src", "index.ts")),
  );
  ops.forEach((op, i) => {
    const dist = join(productDir, op, "dist");
    writeFileSync(join(dist, "index.d.cts"), /** @type {string} */ (files.get(/** @type {string} */ (entries[i]))));
    writeFileSync(join(dist, "index.d.ts"), 'export * from "./index.cjs";\n');
  });
  return ops.length;
}

const started = Date.now();
const count = await buildProduct(process.cwd());
console.log(`built ${count} packages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
