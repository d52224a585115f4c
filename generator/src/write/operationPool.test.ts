import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { generate as Generate } from "../generate.js";
import { snapshotTree as tree, tempRepoWithSpecs } from "../../test/helpers.js";

const generatorDir = fileURLToPath(new URL("../../", import.meta.url));
// Beside dist/, so that the build finds templates/ and the repository's fixtures/ at the same relative paths.
const outDir = join(generatorDir, `.pool-test-${process.pid}`);


// Worker threads run compiled JavaScript (operationWorker.js), which tests that run the TypeScript sources
// do not have: these tests compile the generator into a throw-away folder and run that build.
describe("writeOperations on worker threads", () => {
  let generate: typeof Generate;
  beforeAll(async () => {
    const tsc = createRequire(join(generatorDir, "package.json")).resolve("typescript/bin/tsc");
    execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json", "--outDir", outDir], { cwd: generatorDir });
    ({ generate } = (await import(pathToFileURL(join(outDir, "generate.js")).href)) as { generate: typeof Generate });
  }, 120_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it("writes the same packages, byte for byte, and the same report in spec order as one thread", async () => {
    const a = tempRepoWithSpecs();
    const b = tempRepoWithSpecs();
    const one = await generate({ rootDir: a, workers: 0 });
    const two = await generate({ rootDir: b, workers: 2 });
    expect(one.changed.length).toBe(15 * 4 + 4);
    expect(two.changed).toEqual(one.changed);
    expect(two.fixtures).toEqual(one.fixtures);
    const ta = tree(join(a, "packages"));
    const tb = tree(join(b, "packages"));
    expect([...tb.keys()]).toEqual([...ta.keys()]);
    for (const [k, v] of ta) expect(tb.get(k), k).toBe(v);
    // Second run on workers: nothing to write, a hand edit is found and repaired.
    const edited = "packages/nas/cancel-data-flow-sub-task/README.md";
    writeFileSync(join(b, edited), "edited by hand\n");
    const again = await generate({ rootDir: b, workers: 2 });
    expect(again.changed).toEqual([edited]);
    expect(readFileSync(join(b, edited), "utf8")).toBe(ta.get(edited.replace("packages/", "")));
  });

  it("fails with the worker's error when an operation cannot be written", async () => {
    const root = tempRepoWithSpecs();
    // A file where a package folder belongs: creating the package's src/ folder fails.
    mkdirSync(join(root, "packages/nas"), { recursive: true });
    writeFileSync(join(root, "packages/nas/stop-data-flow"), "not a folder\n");
    await expect(generate({ rootDir: root, workers: 2 })).rejects.toThrow(/stop-data-flow/);
  });
});
