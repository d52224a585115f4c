// Merges the per-module declaration files that tsc emits for a package into one module, so a package ships
// one `.d.ts` set instead of one file per source module (and instead of a copy per module format).
//
// It relies on a property of this codebase, and checks it instead of assuming it: every top-level name is
// unique across the package's modules and is imported under its own name (no `as`, no namespace or default
// imports, no `export *`), so the modules can share one scope without renaming. Anything else throws, and the
// build fails: a silently wrong declaration file is worse than a build that asks for attention.
import { dirname, posix, relative, resolve } from "node:path";
import ts from "typescript";

/** @param {ts.Node} node */
function hasExportModifier(node) {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** @param {ts.Statement} statement @returns {string[]} */
function declaredNames(statement) {
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.map((d) => {
      if (!ts.isIdentifier(d.name)) throw new Error(`destructured declaration is not supported: ${d.getText()}`);
      return d.name.text;
    });
  }
  if (
    ts.isClassDeclaration(statement) ||
    ts.isFunctionDeclaration(statement) ||
    ts.isInterfaceDeclaration(statement) ||
    ts.isTypeAliasDeclaration(statement) ||
    ts.isEnumDeclaration(statement)
  ) {
    if (!statement.name) throw new Error(`anonymous declaration is not supported: ${statement.getText().slice(0, 80)}`);
    return [statement.name.text];
  }
  if (ts.isModuleDeclaration(statement)) throw new Error(`namespace or module declaration is not supported: ${statement.getText().slice(0, 80)}`);
  throw new Error(`unexpected top-level statement: ${statement.getText().slice(0, 80)}`);
}

/** Named bindings of an import or export clause, refusing renames. @returns {string[]} */
function plainNames(elements, where) {
  return elements.map((e) => {
    if (e.propertyName && e.propertyName.text !== e.name.text) throw new Error(`${where}: renamed binding ${e.propertyName.text} as ${e.name.text} is not supported`);
    return e.name.text;
  });
}

/** Files reachable from `entry` through relative imports and re-exports: helpers no export uses stay out. */
function reachable(files, entry) {
  const seen = new Set();
  const queue = [entry];
  while (queue.length > 0) {
    const file = /** @type {string} */ (queue.pop());
    if (seen.has(file)) continue;
    seen.add(file);
    const source = ts.createSourceFile(file, files.get(file) ?? "", ts.ScriptTarget.Latest, false);
    for (const statement of source.statements) {
      const spec = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier;
      if (spec && ts.isStringLiteral(spec) && (spec.text.startsWith("./") || spec.text.startsWith("../"))) {
        queue.push(resolve(dirname(file), spec.text).replace(/\.js$/, ".d.ts"));
      }
    }
  }
  return seen;
}

/**
 * @param {Map<string, string>} files declaration text by absolute file name (`…/x.d.ts`)
 * @param {string} entry absolute file name of the entry declaration (`…/index.d.ts`)
 * @returns {string} one module declaring everything and exporting exactly what the entry exports
 */
export function bundleDeclarations(files, entry) {
  const owner = new Map(); // top-level name -> file that declares it
  const external = new Map(); // non-relative module specifier -> names imported from it
  const bodies = [];
  const internal = []; // [name, file] of every name imported or re-exported from a sibling module
  const exported = [];
  const isRelative = (spec) => spec.startsWith("./") || spec.startsWith("../");
  const resolveRelative = (from, spec) => resolve(dirname(from), spec).replace(/\.js$/, ".d.ts");

  for (const file of [...reachable(files, entry)].sort()) {
    const text = /** @type {string} */ (files.get(file));
    const where = relative(dirname(entry), file).split("\\").join(posix.sep);
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    let body = "";
    for (const statement of source.statements) {
      if (ts.isImportDeclaration(statement)) {
        const spec = /** @type {ts.StringLiteral} */ (statement.moduleSpecifier).text;
        const clause = statement.importClause;
        if (!clause || clause.name || !clause.namedBindings || !ts.isNamedImports(clause.namedBindings)) {
          throw new Error(`${where}: only named imports are supported (${statement.getText()})`);
        }
        const names = plainNames(clause.namedBindings.elements, where);
        if (isRelative(spec)) {
          if (!files.has(resolveRelative(file, spec))) throw new Error(`${where}: ${spec} was not emitted`);
          internal.push(...names.map((name) => [name, where]));
        } else {
          // One merged plain import per module: in a declaration file a plain import serves types and values alike.
          const set = external.get(spec) ?? new Set();
          for (const name of names) set.add(name);
          external.set(spec, set);
        }
        continue;
      }
      if (ts.isExportDeclaration(statement)) {
        const spec = statement.moduleSpecifier && /** @type {ts.StringLiteral} */ (statement.moduleSpecifier).text;
        if (!statement.exportClause || !ts.isNamedExports(statement.exportClause)) throw new Error(`${where}: export * is not supported`);
        const names = plainNames(statement.exportClause.elements, where);
        if (spec !== undefined && isRelative(spec)) {
          if (!files.has(resolveRelative(file, spec))) throw new Error(`${where}: ${spec} was not emitted`);
          internal.push(...names.map((name) => [name, where]));
        } else if (spec !== undefined) {
          // A re-export from a dependency becomes an import plus an entry in the export list.
          const set = external.get(spec) ?? new Set();
          for (const name of names) set.add(name);
          external.set(spec, set);
        }
        if (file === entry) exported.push(...names);
        continue;
      }
      if (ts.isExportAssignment(statement)) throw new Error(`${where}: export default / export = is not supported`);
      for (const name of declaredNames(statement)) {
        const previous = owner.get(name);
        if (previous !== undefined && previous !== file) throw new Error(`${name} is declared in both ${relative(dirname(entry), previous)} and ${where}`);
        owner.set(name, file);
      }
      if (file === entry && hasExportModifier(statement)) exported.push(...declaredNames(statement));
      // Keep the statement with its TSDoc, minus the `export` keyword: visibility comes from the final export list.
      let start = statement.getFullStart();
      let chunk = "";
      if (hasExportModifier(statement)) {
        const keyword = ts.getModifiers(statement).find((m) => m.kind === ts.SyntaxKind.ExportKeyword);
        chunk = text.slice(start, keyword.getStart());
        start = keyword.getEnd();
        chunk += text.slice(start, statement.getEnd()).replace(/^\s+/, "");
      } else {
        chunk = text.slice(start, statement.getEnd());
      }
      body += `${chunk.replace(/^\n+/, "")}\n`;
    }
    if (body) bodies.push(body);
  }

  const importedExternally = new Map(); // name -> module specifier
  for (const [spec, names] of external) {
    for (const name of names) {
      if (owner.has(name)) throw new Error(`${name} is both declared in the package and imported from ${spec}`);
      const previous = importedExternally.get(name);
      if (previous !== undefined && previous !== spec) throw new Error(`${name} is imported from both ${previous} and ${spec}`);
      importedExternally.set(name, spec);
    }
  }
  for (const [name, where] of internal) {
    if (!owner.has(name)) throw new Error(`${where}: ${name} is imported from a sibling module that does not declare it`);
  }
  for (const name of exported) {
    if (!owner.has(name) && !importedExternally.has(name)) throw new Error(`exported name ${name} is declared nowhere`);
  }
  const unique = [...new Set(exported)];
  const imports = [...external].map(([spec, names]) => `import { ${[...names].sort().join(", ")} } from ${JSON.stringify(spec)};\n`);
  return `${imports.join("")}${bodies.join("")}export { ${unique.join(", ")} };\n`;
}
