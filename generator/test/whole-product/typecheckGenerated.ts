// Typechecks every generated package of a temporary root in ONE TypeScript program: about 50× faster than
// one `tsc` per package, and it checks the same thing (each file against the runtime's public types).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { REPO_ROOT } from "../helpers.js";

function tsFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join(dir, f));
}

/** The `src/` TypeScript files of every generated package under `<root>/packages`. */
export function generatedTsFiles(root: string): string[] {
  const out: string[] = [];
  const packages = join(root, "packages");
  for (const product of readdirSync(packages).sort()) {
    if (!statSync(join(packages, product)).isDirectory()) continue;
    for (const op of readdirSync(join(packages, product)).sort()) {
      const dir = join(packages, product, op, "src");
      if (statSync(join(packages, product, op)).isDirectory() && statSync(dir, { throwIfNoEntry: false })?.isDirectory()) out.push(...tsFiles(dir));
    }
  }
  return out;
}

/**
 * Diagnostics of one program over `files`, with the repository's strict compiler options and the workspace
 * packages mapped to their sources (the temporary root has no node_modules). Empty means it typechecks.
 */
export function typecheck(files: readonly string[]): string[] {
  const base = JSON.parse(readFileSync(join(REPO_ROOT, "tsconfig.base.json"), "utf8")) as { compilerOptions: object };
  const { options, errors } = ts.convertCompilerOptionsFromJson(base.compilerOptions, REPO_ROOT);
  if (errors.length > 0) throw new Error(ts.flattenDiagnosticMessageText(errors[0]!.messageText, "\n"));
  const program = ts.createProgram(files, {
    ...options,
    noEmit: true,
    declaration: false,
    allowImportingTsExtensions: true,
    typeRoots: [join(REPO_ROOT, "node_modules/@types")],
    paths: {
      "@acs-modular/runtime": [join(REPO_ROOT, "packages/runtime/src/index.ts")],
      "@acs-modular/testing": [join(REPO_ROOT, "packages/testing/src/index.ts")],
      vitest: [join(REPO_ROOT, "node_modules/vitest/dist/index.d.ts")],
    },
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (!d.file || d.start === undefined) return text;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${d.file.fileName}:${line + 1}:${character + 1}: ${text}`;
  });
}
