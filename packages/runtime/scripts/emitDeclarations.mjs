// Type-checks a package with its build tsconfig and returns the declaration files tsc would write, in memory:
// the build fails on a type error exactly as `tsc -p tsconfig.build.json` did, and nothing but the bundled
// declaration file reaches dist/.
import ts from "typescript";

/** @param {readonly ts.Diagnostic[]} diagnostics */
function fail(diagnostics) {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: ts.sys.getCurrentDirectory, getNewLine: () => "\n" };
  throw new Error(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
}

/**
 * @param {string} tsconfigPath absolute path of the tsconfig to compile with
 * @param {string} entrySource absolute path of the entry source (`…/src/index.ts`)
 * @returns {{ files: Map<string, string>, entry: string }} declaration text by absolute `.d.ts` name, and the entry's
 */
export function emitDeclarations(tsconfigPath, entrySource) {
  const { files, entries } = emitDeclarationsOf(tsconfigPath, [entrySource]);
  return { files, entry: /** @type {string} */ (entries[0]) };
}

/**
 * One program for many entries (a whole product's packages): type-checked once, declarations in memory.
 * @param {string} tsconfigPath
 * @param {readonly string[]} entrySources absolute paths
 * @returns {{ files: Map<string, string>, entries: string[] }} the `.d.ts` name of each entry, in order
 */
export function emitDeclarationsOf(tsconfigPath, entrySources) {
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfigPath, { declaration: true, emitDeclarationOnly: true, noEmit: false, sourceMap: false, declarationMap: false }, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => fail([d]),
  });
  if (!parsed) throw new Error(`cannot read ${tsconfigPath}`);
  if (parsed.errors.length > 0) fail(parsed.errors);
  // The entries are the roots: what they reach is compiled and checked; tests and helpers are the typecheck task's.
  const program = ts.createProgram({ rootNames: [...entrySources], options: parsed.options, projectReferences: parsed.projectReferences });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length > 0) fail(diagnostics);
  const files = new Map();
  const result = program.emit(undefined, (fileName, text) => files.set(fileName, text), undefined, true);
  if (result.diagnostics.length > 0) fail(result.diagnostics);
  // tsc names outputs after rootDir/outDir; map each entry source to its output the same way.
  const entries = entrySources.map((source) => {
    const entry = ts.getOutputDeclarationFileName(source, parsed, !ts.sys.useCaseSensitiveFileNames);
    if (!files.has(entry)) throw new Error(`no declarations were emitted for ${source}`);
    return entry;
  });
  return { files, entries };
}
