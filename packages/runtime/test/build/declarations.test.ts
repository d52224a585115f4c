// What TypeScript users of the published package see: the bundled declarations (dist/index.d.cts, re-exported
// by dist/index.d.ts) are built here by `scripts/build.mjs`, installed into a temp node_modules with this
// package.json's `exports`, and compiled from ESM and CommonJS files under each module resolution users pick.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Limits against a hang, not timings: a declarations build under a fully loaded CI machine took over a minute.
const BUILD_LIMIT_MS = 600_000;
const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
let dir: string;

/** Names exported by the module a file's first import resolves to, as the checker sees them. */
function importedExports(program: ts.Program, file: string): string[] {
  const source = program.getSourceFile(file)!;
  const decl = source.statements.find((s) => ts.isImportDeclaration(s) || ts.isImportEqualsDeclaration(s))!;
  const specifier = ts.isImportDeclaration(decl) ? decl.moduleSpecifier : ((decl as ts.ImportEqualsDeclaration).moduleReference as ts.ExternalModuleReference).expression;
  const checker = program.getTypeChecker();
  return checker.getExportsOfModule(checker.getSymbolAtLocation(specifier)!).map((s) => s.name).sort();
}

function compile(files: string[], options: ts.CompilerOptions): { program: ts.Program; errors: string[] } {
  const program = ts.createProgram(files, { strict: true, exactOptionalPropertyTypes: true, noEmit: true, skipLibCheck: false, target: ts.ScriptTarget.ES2022, types: ["node"], typeRoots: [join(PACKAGE, "node_modules/@types"), join(PACKAGE, "../../node_modules/@types")], ...options });
  const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  return { program, errors };
}

/** The names src/index.ts exports, from the sources. */
function sourceExports(): string[] {
  const entry = join(PACKAGE, "src", "index.ts");
  const program = ts.createProgram([entry], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noEmit: true });
  const checker = program.getTypeChecker();
  return checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)!)!).map((s) => s.name).sort();
}

const USE = `
export const client = new rt.AcsClient({ region: "cn-hangzhou", credentials: rt.fromStatic({ accessKeyId: "id", accessKeySecret: "s" }) });
export const isAcs = (e: unknown): boolean => e instanceof rt.AcsError && e.retryable;
export const opts: rt.CallOptions = { maxAttempts: 2 };
// @ts-expect-error region is required
export const bad: rt.ClientConfig = {};
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "acs-declarations-"));
  const installed = join(dir, "node_modules", "@acs-modular", "runtime");
  mkdirSync(installed, { recursive: true });
  execFileSync(process.execPath, [join(PACKAGE, "scripts", "build.mjs"), "--out", join(installed, "dist")], { cwd: PACKAGE, timeout: BUILD_LIMIT_MS });
  copyFileSync(join(PACKAGE, "package.json"), join(installed, "package.json"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  writeFileSync(join(dir, "esm.mts"), `import * as rt from "@acs-modular/runtime";\n${USE}`);
  writeFileSync(join(dir, "cjs.cts"), `import rt = require("@acs-modular/runtime");\n${USE}`);
  writeFileSync(join(dir, "bundler.ts"), `import * as rt from "@acs-modular/runtime";\n${USE}`);
}, BUILD_LIMIT_MS + 60_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("bundled declarations", () => {
  // Type-checking @types/node dominates; each program is built once and shared by the assertions.
  let node16: { program: ts.Program; errors: string[] };
  let bundler: { program: ts.Program; errors: string[] };
  let expected: string[];
  beforeAll(() => {
    node16 = compile([join(dir, "esm.mts"), join(dir, "cjs.cts")], { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 });
    bundler = compile([join(dir, "bundler.ts")], { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler });
    expected = sourceExports();
  }, 2 * BUILD_LIMIT_MS);

  it("compile without errors from ESM and CommonJS under node16, and under bundler", () => {
    expect(node16.errors).toEqual([]);
    expect(bundler.errors).toEqual([]);
  });

  it("export exactly what src/index.ts exports, to import and require alike", () => {
    expect(expected.length).toBeGreaterThan(50);
    expect(importedExports(node16.program, join(dir, "esm.mts"))).toEqual(expected);
    expect(importedExports(node16.program, join(dir, "cjs.cts"))).toEqual(expected);
    expect(importedExports(bundler.program, join(dir, "bundler.ts"))).toEqual(expected);
  });

  it("resolve to the single declaration file for both import and require, with TSDoc kept", () => {
    const { program } = node16;
    const declarationFiles = program.getSourceFiles().map((f) => f.fileName).filter((f) => f.includes("@acs-modular/runtime")).map((f) => f.slice(f.indexOf("dist/")));
    expect(declarationFiles.sort()).toEqual(["dist/index.d.cts", "dist/index.d.ts"]);
    const checker = program.getTypeChecker();
    const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(join(dir, "node_modules/@acs-modular/runtime/dist/index.d.cts"))!)!);
    const client = checker.getAliasedSymbol(exports.find((s) => s.name === "AcsClient")!);
    expect(ts.displayPartsToString(client.getDocumentationComment(checker))).toContain("region");
  });
});
