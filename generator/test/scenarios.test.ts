// Generator scenarios: each folder of test/scenarios holds a small api-docs document written for the test
// (metadata.json) and the tree the pipeline makes of it (expected/): the import report, the imported specs and
// the generated packages, compared byte for byte. `UPDATE_SCENARIOS=1` rewrites expected/ after a deliberate
// change (review the diff). The generated sources also typecheck, with the scenario's type assertions
// (types.ts: what must and must not compile), and replay their spec-example exchanges.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { generate } from "../src/generate.js";
import { formatIssues } from "../src/import/ImportReport.js";
import { convertApiDocs, readApiDocs, writeImportedSpecs } from "../src/import/importApiDocs.js";
import { REPO_ROOT, snapshotTree } from "./helpers.js";
import { generatedTsFiles, typecheck } from "./whole-product/typecheckGenerated.js";
import { replaySpecExamples, tempRoot } from "./whole-product/wholeProduct.js";

const SCENARIOS = fileURLToPath(new URL("./scenarios/", import.meta.url));
const UPDATE = process.env.UPDATE_SCENARIOS === "1";
const LICENSE = readFileSync(join(REPO_ROOT, "LICENSE"), "utf8");

/** Runs the pipeline on one scenario: the tree (path → text) it produces, its root, and its models. */
async function run(name: string) {
  const root = tempRoot();
  const docs = await readApiDocs(join(SCENARIOS, name, "metadata.json"));
  const imported = convertApiDocs(docs, { code: name });
  writeImportedSpecs(join(root, "specs"), imported, "metadata.json");
  const result = await generate({ rootDir: root, specsDir: join(root, "specs") });
  const tree = new Map<string, string>();
  const report = [...formatIssues(imported.issues).map((l) => `not mapped as-is: ${l}`), ...imported.refused.map((r) => `REFUSED ${r.action}: ${r.reason}`)];
  tree.set("import-report.txt", `${report.join("\n")}\n`);
  const licenses: string[] = [];
  for (const top of ["specs", "packages"]) {
    for (const [path, text] of snapshotTree(join(root, top))) {
      // Every package ships the repository's LICENSE: checked once here instead of snapshotted per package.
      if (path.endsWith("/LICENSE")) licenses.push(text);
      else tree.set(`${top}/${path}`, text);
    }
  }
  return { root, tree, licenses, result };
}

function writeExpected(dir: string, tree: ReadonlyMap<string, string>): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of tree) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

const names = readdirSync(SCENARIOS).filter((n) => existsSync(join(SCENARIOS, n, "metadata.json"))).sort();

describe.each(names)("scenario %s", (name) => {
  it("imports and generates exactly the committed tree", async () => {
    const { tree, licenses, result } = await run(name);
    expect(result.refused).toEqual([]);
    expect(licenses.length).toBe(result.models.length);
    expect(licenses.every((l) => l === LICENSE)).toBe(true);
    const expectedDir = join(SCENARIOS, name, "expected");
    if (UPDATE) writeExpected(expectedDir, tree);
    const expected = snapshotTree(expectedDir);
    expect([...tree.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [path, text] of tree) expect(text, path).toBe(expected.get(path));
  });

  it("typechecks, with its type assertions, and replays its spec-example exchanges", async () => {
    const { root, result } = await run(name);
    const assertions = join(SCENARIOS, name, "types.ts");
    const files = generatedTsFiles(root);
    if (existsSync(assertions)) {
      // Next to the packages, so that its relative imports reach them.
      cpSync(assertions, join(root, "packages", name, "types.ts"));
      files.push(join(root, "packages", name, "types.ts"));
    }
    expect(typecheck(files)).toEqual([]);
    const { failures } = await replaySpecExamples(root, result.models);
    expect(failures).toEqual([]);
  });
});
