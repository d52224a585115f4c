import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildOperationModel, buildProductModel } from "../model/buildModel.js";
import { compileTemplates } from "../emit/templates.js";
import { loadSpecs } from "../spec/loadSpecs.js";
import { tempRepoWithSpecs } from "../../test/helpers.js";
import { writeOperation } from "./writeOperation.js";

function firstJob(root: string) {
  const specs = loadSpecs(join(root, "specs"), root);
  const product = buildProductModel(specs.products[0]!);
  return { model: buildOperationModel(specs.operations[0]!, product), initialVersion: "0.1.0" };
}

describe("writeOperation", () => {
  const templates = compileTemplates("package");

  it("writes a new package whole, then leaves it alone, then rewrites only the file edited by hand", () => {
    const root = tempRepoWithSpecs();
    const job = firstJob(root);
    const dir = job.model.names.packageDir;
    const first = writeOperation(root, job, templates, false);
    expect(first.changed).toContain(`${dir}/src/index.ts`);
    expect(first.changed.every((p) => existsSync(join(root, p)))).toBe(true);
    expect(first.fixtures.problems).toEqual([]);
    expect(writeOperation(root, job, templates, false)).toEqual({ changed: [], stale: [], fixtures: { problems: [] } });
    writeFileSync(join(root, dir, "README.md"), "edited\n");
    writeFileSync(join(root, dir, "src/extra.ts"), "export {};\n");
    const third = writeOperation(root, job, templates, false);
    expect(third.changed).toEqual([`${dir}/README.md`]);
    expect(third.stale).toEqual([`${dir}/src/extra.ts`]);
    expect(existsSync(join(root, dir, "src/extra.ts"))).toBe(false);
  });

  it("in check mode reports a missing package without creating anything", () => {
    const root = tempRepoWithSpecs();
    const job = firstJob(root);
    const outcome = writeOperation(root, job, templates, true);
    expect(outcome.changed.map((p) => p.slice(job.model.names.packageDir.length + 1)).sort()).toEqual(["LICENSE", "README.md", "package.json", "src/index.ts"]);
    expect(readdirSync(root)).not.toContain("packages");
  });
});
