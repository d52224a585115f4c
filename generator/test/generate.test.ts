import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../src/generate.js";
import { REPO_ROOT, editFile, snapshotTree, tempRepoWithSpecs } from "./helpers.js";


describe("generate", () => {
  it("is deterministic: two runs from the same specs give byte-identical trees", async () => {
    const a = tempRepoWithSpecs();
    const b = tempRepoWithSpecs();
    await generate({ rootDir: a });
    await generate({ rootDir: b });
    const ta = snapshotTree(join(a, "packages"));
    const tb = snapshotTree(join(b, "packages"));
    // Four files a package (package.json, README.md, LICENSE, src/index.ts) and the product package's four.
    expect(ta.size).toBe(15 * 4 + 4);
    expect([...ta.keys()]).toEqual([...tb.keys()]);
    for (const [k, v] of ta) expect(tb.get(k), k).toBe(v);
  });

  it("check mode passes on a fresh generation and names a file edited by hand", async () => {
    const root = tempRepoWithSpecs();
    await generate({ rootDir: root });
    expect((await generate({ rootDir: root, check: true })).changed).toEqual([]);
    const file = "packages/nas/cancel-data-flow-sub-task/src/index.ts";
    editFile(join(root, file), (t) => t.replace("invokeOperation(client", "invokeOperation( client"));
    const result = await generate({ rootDir: root, check: true });
    expect(result.changed).toEqual([file]);
  });

  it("check mode reports a spec change as the files it would rewrite", async () => {
    const root = tempRepoWithSpecs();
    await generate({ rootDir: root });
    editFile(join(root, "specs/nas/2017-06-26/CancelDataFlowSubTask.yaml"), (t) => t.replace("description: The ID of the data flow.", "description: The data flow."));
    const { changed } = await generate({ rootDir: root, check: true });
    expect(changed).toEqual(["packages/nas/cancel-data-flow-sub-task/README.md", "packages/nas/cancel-data-flow-sub-task/src/index.ts"]);
  });

  it("reports and removes an orphaned package and stale files, but keeps CHANGELOG.md and fixtures", async () => {
    const root = tempRepoWithSpecs();
    await generate({ rootDir: root });
    rmSync(join(root, "specs/nas/2017-06-26/StopDataFlow.yaml"));
    const pkg = join(root, "packages/nas/cancel-data-flow-sub-task");
    writeFileSync(join(pkg, "src/leftover.ts"), "export {};\n");
    writeFileSync(join(pkg, "CHANGELOG.md"), "# changelog\n");
    mkdirSync(join(pkg, "fixtures"), { recursive: true });
    writeFileSync(join(pkg, "fixtures/a.json"), "{}\n");
    const checked = await generate({ rootDir: root, check: true });
    expect(checked.orphans).toEqual(["packages/nas/stop-data-flow"]);
    expect(checked.stale).toEqual(["packages/nas/cancel-data-flow-sub-task/src/leftover.ts"]);
    expect(existsSync(join(root, "packages/nas/stop-data-flow"))).toBe(true);
    await generate({ rootDir: root });
    expect(existsSync(join(root, "packages/nas/stop-data-flow"))).toBe(false);
    expect(existsSync(join(pkg, "src/leftover.ts"))).toBe(false);
    expect(existsSync(join(pkg, "CHANGELOG.md"))).toBe(true);
    expect(existsSync(join(pkg, "fixtures/a.json"))).toBe(true);
  });

  it("keeps the version that changesets wrote into package.json", async () => {
    const root = tempRepoWithSpecs();
    await generate({ rootDir: root });
    const pkgFile = join(root, "packages/nas/cancel-data-flow-sub-task/package.json");
    editFile(pkgFile, (t) => t.replace('"version": "0.1.0"', '"version": "1.4.2"'));
    await generate({ rootDir: root });
    expect(JSON.parse(readFileSync(pkgFile, "utf8")).version).toBe("1.4.2");
  });

  it("refuses a spec that does not validate, with its reason, and still generates the rest of the product", async () => {
    const root = tempRepoWithSpecs();
    editFile(join(root, "specs/nas/2017-06-26/StopDataFlow.yaml"), (t) => t.replace("x-acs-access: write", "x-acs-access: sometimes"));
    const result = await generate({ rootDir: root });
    expect(result.refused.map((e) => `${e.file}: ${e.jsonPath}`)).toEqual(["specs/nas/2017-06-26/StopDataFlow.yaml: /paths/~1/post/x-acs-access"]);
    expect(result.models).toHaveLength(14);
    expect(existsSync(join(root, "packages/nas/start-data-flow/src/index.ts"))).toBe(true);
    expect(existsSync(join(root, "packages/nas/stop-data-flow"))).toBe(false);
  });

  it("writes one product package per product, naming its spec folder", async () => {
    const root = tempRepoWithSpecs();
    await generate({ rootDir: root });
    const pkg = JSON.parse(readFileSync(join(root, "packages/nas/package.json"), "utf8")) as Record<string, any>;
    expect(pkg.name).toBe("@acs-modular/product-nas");
    expect(pkg.private).toBe(true);
    expect(pkg["acs-modular"]).toEqual({ generatedProduct: "specs/nas/2017-06-26" });
    expect(readFileSync(join(root, "packages/nas/contract.test.ts"), "utf8")).toContain("describeProductContract(new URL(");
  });

  it("the committed packages match the committed specs (what `pnpm generate --check` proves in CI)", async () => {
    const result = await generate({ rootDir: REPO_ROOT, check: true });
    expect(result.refused).toEqual([]);
    expect(result.changed).toEqual([]);
    expect(result.stale).toEqual([]);
    expect(result.orphans).toEqual([]);
    expect(result.fixtures.problems).toEqual([]);
  }, 120_000);
});
