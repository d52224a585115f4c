// Builds a package of this workspace (the runtime, @acs-modular/mock) into what npm ships:
//   dist/index.js        a real ES module (named exports, tree-shakable), for `import` on Node
//   dist/index.cjs       CommonJS, minified, for `require` on Node
//   dist/web/index.js    the portable build, ESM: packages with src/platform/*.web.ts variants (the runtime)
//   dist/web/index.cjs   the portable build, CommonJS; see platformPlugin.mjs
//   dist/index.d.cts     every declaration, in one module, TSDoc kept (editors show it)
//   dist/index.d.ts      one line re-exporting index.d.cts: `import` and `require` consumers share one set of
//                        types, so a class type is the same whichever way a TypeScript program reached it
// One file per format instead of one per module: Node resolves, reads and compiles each module separately,
// so a bundle installs smaller and imports faster. Bare imports (`@acs-modular/runtime`, `node:*`) stay
// external.
//
// The ES modules are left unminified and without esbuild's keepNames: keepNames adds a `__name(fn)` call per
// function and a static block per class, which a downstream bundler must keep, and with them every function
// (no tree-shaking). Nor are they minified: esbuild drops the `/* @__PURE__ */` annotations when it minifies,
// and downstream bundlers then keep module-level calls they could drop (tests/bundles checks it). Names survive because the package's top-level names are unique (bundleDeclarations.mjs
// checks it for declarations; checkExportNames below checks the built module). The CommonJS files are minified,
// local names included, with keepNames: V8 prints a function's `name` in stack traces, and AcsError's
// cross-copy `instanceof` compares class names (src/errors/AcsError.ts).
//
// Usage, from the package folder: node <this file> [--out <dir>] [--tsconfig <file>] [--no-types]
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { build } from "esbuild";
import { bundleDeclarations } from "./bundleDeclarations.mjs";
import { emitDeclarations } from "./emitDeclarations.mjs";
import { platformPlugin } from "./platformPlugin.mjs";

const COMMON = {
  bundle: true,
  platform: "node",
  target: "es2022",
  packages: "external",
  legalComments: "none",
  logLevel: "warning",
};

/** esbuild options of the CommonJS files; exported so tests build exactly what ships. */
export const BUNDLE_OPTIONS = Object.freeze({
  ...COMMON,
  format: "cjs",
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: true,
  keepNames: true,
  // Node prints the source line of an uncaught error: one line per bundle would print all of it.
  lineLimit: 160,
  // The CJS bundle turns a lazy `import("node:https")` into a lazy `require`: CommonJS test runners such as
  // Jest cannot run dynamic import() without experimental flags.
  supported: { "dynamic-import": false },
});

/** esbuild options of the ES modules: readable, tree-shakable, `import()` kept as is. */
export const ESM_OPTIONS = Object.freeze({ ...COMMON, format: "esm" });

/** Options that turn either format into the portable build (no `node:` module). */
export const PORTABLE_OPTIONS = Object.freeze({ platform: "neutral", plugins: [platformPlugin()] });

/** Whether the package has platform variants, and so a portable build. @param {string} packageDir */
export function hasPortableBuild(packageDir) {
  const dir = join(packageDir, "src", "platform");
  return existsSync(dir) && readdirSync(dir).some((f) => f.endsWith(".web.ts"));
}

/**
 * Bundles `<packageDir>/src/index.ts` into `<outDir>/index.js` (ESM) and `<outDir>/index.cjs`, plus
 * `<outDir>/web/index.{js,cjs}` when the package has platform variants.
 * @param {string} packageDir
 * @param {string} outDir
 */
export async function bundleJavaScript(packageDir, outDir) {
  const entryPoints = [join(packageDir, "src", "index.ts")];
  const builds = [
    build({ ...ESM_OPTIONS, entryPoints, outfile: join(outDir, "index.js") }),
    build({ ...BUNDLE_OPTIONS, entryPoints, outfile: join(outDir, "index.cjs") }),
  ];
  if (hasPortableBuild(packageDir)) {
    builds.push(
      build({ ...ESM_OPTIONS, ...PORTABLE_OPTIONS, entryPoints, outfile: join(outDir, "web", "index.js") }),
      build({ ...BUNDLE_OPTIONS, ...PORTABLE_OPTIONS, entryPoints, outfile: join(outDir, "web", "index.cjs") }),
    );
  }
  await Promise.all(builds);
  if (hasPortableBuild(packageDir)) markLazyModulesPure(join(outDir, "web", "index.js"));
}

/**
 * esbuild wraps a module that is only imported lazily (the portable build's stand-ins for `node:` modules) in
 * `var init_x = __esm({...})`: a call of its own side-effect-free helper, which a downstream bundler cannot know
 * to be pure and so keeps, with the module. Annotated, it is dropped from apps that never reach it.
 * @param {string} file
 */
export function markLazyModulesPure(file) {
  const text = readFileSync(file, "utf8");
  writeFileSync(file, text.replace(/^(var init_[\w$]+ = )__esm\(/gm, "$1/* @__PURE__ */ __esm("));
}

/**
 * Fails when a built ES module exports a function or class under a name other than its own, which is what
 * esbuild does when two modules declare the same top-level name (it renames one `name2`): stack traces and
 * error names would then read `name2`. @param {string} file
 */
export async function checkExportNames(file) {
  const exports = await import(pathToFileURL(file).href);
  const renamed = Object.entries(exports).filter(([key, value]) => typeof value === "function" && value.name !== key);
  if (renamed.length > 0) {
    throw new Error(`${file}: exported under another name than their own: ${renamed.map(([k, v]) => `${k} (name ${v.name})`).join(", ")}`);
  }
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
  await checkExportNames(join(outDir, "index.js"));
  if (hasPortableBuild(packageDir)) await checkExportNames(join(outDir, "web", "index.js"));
  if (!values["no-types"]) writeDeclarations(packageDir, outDir, values.tsconfig);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
