// Builds the runtime's API report: what the bundled declarations (dist/index.d.cts, as built by
// scripts/build.mjs) export, each name with its kind, its release tag and its declaration without comments,
// then the declarations the exports refer to without exporting them. A change to any of it is a change to
// the surface that users (or generated packages) see, and shows as a diff of the committed report.
import ts from "typescript";

/** Who an export is for (see src/index.ts). */
export type Release = "public" | "internal";

/** The report, and what is wrong with the tags. */
export interface ApiReport {
  readonly text: string;
  /** Exports without a release tag, or whose declaration and export statement disagree. */
  readonly problems: readonly string[];
}

type Declaration = ts.Statement;

const KINDS: [test: (node: ts.Node) => boolean, kind: string][] = [
  [ts.isClassDeclaration, "class"],
  [ts.isInterfaceDeclaration, "interface"],
  [ts.isTypeAliasDeclaration, "type"],
  [ts.isFunctionDeclaration, "function"],
  [ts.isEnumDeclaration, "enum"],
  [ts.isModuleDeclaration, "namespace"],
  [ts.isVariableStatement, "const"],
];

function kindOf(node: ts.Node): string {
  return KINDS.find(([test]) => test(node))?.[1] ?? ts.SyntaxKind[node.kind];
}

/** The names a top-level statement declares. */
function declaredNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.map((d) => d.name.getText());
  const name = (statement as { name?: ts.Node }).name;
  return name && ts.isIdentifier(name) ? [name.text] : [];
}

function releaseTag(node: ts.Node): Release | undefined {
  const tags = ts.getJSDocTags(node).map((t) => t.tagName.text);
  return tags.includes("internal") ? "internal" : tags.includes("public") ? "public" : undefined;
}

/** Release tags of src/index.ts's export statements, by exported name. */
export function statementTags(indexSource: string): Map<string, Release> {
  const file = ts.createSourceFile("index.ts", indexSource, ts.ScriptTarget.ES2022, true);
  const tags = new Map<string, Release>();
  for (const statement of file.statements) {
    if (!ts.isExportDeclaration(statement) || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) continue;
    const tag = releaseTag(statement);
    if (tag) for (const element of statement.exportClause.elements) tags.set(element.name.text, tag);
  }
  return tags;
}

/** Names of top-level declarations a node refers to in types, heritage clauses and computed keys. */
function referencedNames(node: ts.Node, out: Set<string>): void {
  const visit = (n: ts.Node): void => {
    if (ts.isTypeReferenceNode(n) && ts.isIdentifier(n.typeName)) out.add(n.typeName.text);
    else if (ts.isExpressionWithTypeArguments(n) && ts.isIdentifier(n.expression)) out.add(n.expression.text);
    else if (ts.isTypeQueryNode(n) && ts.isIdentifier(n.exprName)) out.add(n.exprName.text);
    else if (ts.isComputedPropertyName(n) && ts.isIdentifier(n.expression)) out.add(n.expression.text);
    ts.forEachChild(n, visit);
  };
  visit(node);
}

const byName = <T extends { name: string }>(a: T, b: T): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * The report of a bundled declaration file (`dts`), with the release tags of `indexSource` (src/index.ts)
 * for exports whose declaration carries none. A declaration's own tag wins, and must agree with its export
 * statement's when both have one.
 */
export function buildApiReport(dts: string, indexSource: string): ApiReport {
  const file = ts.createSourceFile("index.d.cts", dts, ts.ScriptTarget.ES2022, true);
  const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });
  const print = (node: ts.Node): string => printer.printNode(ts.EmitHint.Unspecified, node, file);
  const declarations = new Map<string, Declaration[]>();
  const exported = new Map<string, string>(); // exported name → local name
  for (const statement of file.statements) {
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const e of statement.exportClause.elements) exported.set(e.name.text, (e.propertyName ?? e.name).getText());
      continue;
    }
    for (const name of declaredNames(statement)) declarations.set(name, [...(declarations.get(name) ?? []), statement]);
  }
  const tags = statementTags(indexSource);
  const problems: string[] = [];
  const entries = [...exported].map(([name, local]) => {
    const nodes = declarations.get(local) ?? [];
    const own = nodes.map(releaseTag).find((t) => t !== undefined);
    const statement = tags.get(name);
    if (!own && !statement) problems.push(`${name}: no @public or @internal tag, on its declaration or its export statement in src/index.ts`);
    if (own && statement && own !== statement) problems.push(`${name}: @${own} on its declaration but @${statement} on its export statement in src/index.ts`);
    return { name, local, kind: nodes.length > 0 ? kindOf(nodes[0]!) : "unknown", release: own ?? statement ?? "untagged", nodes };
  });
  entries.sort(byName);

  // What the exports refer to without exporting it: part of the surface too (a changed field shows here).
  const locals = new Set(entries.map((e) => e.local));
  const referenced = new Set<string>();
  const queue = entries.flatMap((e) => e.nodes);
  for (let node = queue.shift(); node; node = queue.shift()) {
    const names = new Set<string>();
    referencedNames(node, names);
    for (const name of names) {
      if (locals.has(name) || referenced.has(name) || !declarations.has(name)) continue;
      referenced.add(name);
      queue.push(...declarations.get(name)!);
    }
  }

  const section = (title: string, items: { name: string; nodes: readonly ts.Node[] }[]): string[] => [
    `## ${title}`,
    "",
    "```ts",
    ...items.flatMap((e) => e.nodes.map(print)),
    "```",
    "",
  ];
  const lines = [
    "# API report: @acs-modular/runtime",
    "",
    "Generated from the bundled declarations (`dist/index.d.cts`) by `test/api/apiReport.test.ts`; do not edit.",
    "When the surface changes on purpose, regenerate it and review the diff:",
    "`UPDATE_API_REPORT=1 npx vitest run test/api/apiReport.test.ts`.",
    "",
    "`public`: for applications (documented in README.md; semver applies). `internal`: for generated operation",
    "packages, `@acs-modular/mock` and this repository's tools; exported because they import it, and may change",
    "in any release.",
    "",
    "## Exports",
    "",
    "| Name | Kind | Release |",
    "|---|---|---|",
    ...entries.map((e) => `| \`${e.name}\`${e.local !== e.name ? ` (as \`${e.local}\`)` : ""} | ${e.kind} | ${e.release} |`),
    "",
    ...section("Public declarations", entries.filter((e) => e.release === "public")),
    ...section("Internal declarations", entries.filter((e) => e.release !== "public")),
    ...section(
      "Referenced by exports, not exported",
      [...referenced].sort().map((name) => ({ name, nodes: declarations.get(name)! })),
    ),
  ];
  return { text: `${lines.join("\n").trimEnd()}\n`, problems };
}
