// Builds a package of this workspace (the runtime, and the generated operation packages, which run this same
// script) into what npm ships:
//   dist/index.cjs   CommonJS, the whole package bundled into one file
//   dist/index.js    ESM: one line re-exporting index.cjs (Node's "ES module wrapper" for dual packages)
//   dist/index.d.cts every declaration, in one module, TSDoc kept (editors show it)
//   dist/index.d.ts  one line re-exporting index.d.cts, so `import` and `require` consumers share one set
// One file per format instead of one per module: Node resolves, reads and compiles each module separately,
// so a bundle installs smaller and imports faster. Bare imports (`@acs-modular/runtime`, `node:*`) stay
// external. The code is minified, local names included, but every function and class keeps its `name`
// (keepNames): V8 prints that name in stack traces, so traces still read `at signRequestV3 (...)`, and the
// runtime's cross-copy `instanceof` compares class names (src/errors/AcsError.ts).
//
// Usage, from the package folder: node <this file> [--out <dir>] [--tsconfig <file>] [--no-types]
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { build } from "esbuild";
import { bundleDeclarations } from "./bundleDeclarations.mjs";
import { emitDeclarations } from "./emitDeclarations.mjs";

/** esbuild options shared by both formats; exported so tests build exactly what ships. */
export const BUNDLE_OPTIONS = Object.freeze({
  bundle: true,
  platform: "node",
  target: "es2022",
  packages: "external",
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: true,
  keepNames: true,
  legalComments: "none",
  // The CJS bundle turns a lazy `import("node:https")` into a lazy `require`: CommonJS test runners such as
  // Jest cannot run dynamic import() without experimental flags.
  supported: { "dynamic-import": false },
  logLevel: "warning",
});

/**
 * Bundles `<packageDir>/src/index.ts` into `<outDir>/index.cjs` (CommonJS) and writes `<outDir>/index.js`, an
 * ES module that re-exports it. One implementation serves `import` and `require`: an app that reaches the
 * runtime both ways (an ESM app with a CJS dependency) loads one copy, so classes, keep-alive agents and
 * credential caches are shared (no dual-package hazard), and the package ships its code once.
 * esbuild marks the CJS exports so that Node's CJS lexer finds them by name for the ESM re-export.
 * @param {string} packageDir
 * @param {string} outDir
 */
export async function bundleJavaScript(packageDir, outDir) {
  const entryPoints = [join(packageDir, "src", "index.ts")];
  await build({ ...BUNDLE_OPTIONS, entryPoints, format: "cjs", outfile: join(outDir, "index.cjs") });
  writeFileSync(join(outDir, "index.js"), 'export * from "./index.cjs";\n');
}

/**
 * Writes `<outDir>/index.d.cts` (all declarations) and `<outDir>/index.d.ts` (re-export of it).
 * @param {string} packageDir
 * @param {string} outDir
 * @param {string} tsconfig
 */
export function writeDeclarations(packageDir, outDir, tsconfig) {
  const { files, entry } = emitDeclarations(resolve(packageDir, tsconfig), resolve(packageDir, "src", "index.ts"));
  writeFileSync(join(outDir, "index.d.cts"), bundleDeclarations(files, entry));
  // The ESM entry points at the CommonJS declarations: an ES module may import a CommonJS one, not the reverse.
  writeFileSync(join(outDir, "index.d.ts"), 'export * from "./index.cjs";\n');
}

async function main() {
  const { values } = parseArgs({
    options: { out: { type: "string", default: "dist" }, tsconfig: { type: "string", default: "tsconfig.build.json" }, "no-types": { type: "boolean", default: false } },
  });
  const packageDir = process.cwd();
  const outDir = resolve(packageDir, values.out);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await bundleJavaScript(packageDir, outDir);
  if (!values["no-types"]) writeDeclarations(packageDir, outDir, values.tsconfig);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
