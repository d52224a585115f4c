import { execFileSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { packedFiles, publishableDirs, workspaceVersions } from "./packFiles.mjs";

// are-the-types-wrong and publint over every package this workspace publishes (the runtime, the mock and
// every generated operation package), in one test: `attw --pack` and `publint` per package would pack and
// start a process per package, about a thousand times. Here each package's tarball contents are computed
// from its folder (packFiles.mjs, checked against `npm pack` first) and both checks run in memory, on
// worker threads. Fails listing every package and problem; prints how many packages and how long.
const repo = fileURLToPath(new URL("../../../", import.meta.url));
const dirs = publishableDirs(repo);
const versions = workspaceVersions(repo);
const versionOf = (name: string): string | undefined => versions[name];

interface PackageResult {
  readonly dir: string;
  readonly name: string;
  readonly problems: readonly string[];
  readonly entrypoints: number;
}

function checkAll(dirs: readonly string[]): Promise<PackageResult[]> {
  const workers = Math.max(1, Math.min(4, availableParallelism()));
  const shares: string[][] = Array.from({ length: workers }, () => []);
  dirs.forEach((dir, i) => shares[i % workers]!.push(dir));
  return Promise.all(
    shares.map(
      (share) =>
        new Promise<PackageResult[]>((resolve, reject) => {
          const results: PackageResult[] = [];
          // execArgv: [] so that the test runner's `--conditions development` (which would load attw's
          // TypeScript sources) does not reach the worker.
          const worker = new Worker(new URL("./lintWorker.mjs", import.meta.url), { workerData: { dirs: share, versions }, execArgv: [] });
          worker.on("message", (result: PackageResult) => results.push(result));
          worker.on("error", reject);
          worker.on("exit", (code) => (code === 0 && results.length === share.length ? resolve(results) : reject(new Error(`lint worker exited with ${code} after ${results.length} of ${share.length} packages`))));
        }),
    ),
  ).then((parts) => parts.flat());
}

describe("every publishable package", () => {
  it("is found: the runtime, the mock and every generated operation package", () => {
    const names = dirs.map((d) => relative(repo, d));
    expect(names).toContain("packages/runtime");
    expect(names).toContain("packages/mock");
    expect(names).toContain("packages/nas/describe-data-flows");
    expect(dirs.length).toBeGreaterThan(1000);
  });

  it("has the tarball contents packFiles.mjs computes, as npm pack lists them (a sample of each kind)", () => {
    const sample = ["packages/runtime", "packages/mock", ...["nas", "ecs", "vpc", "cs", "fc"].map((product) => dirs.map((d) => relative(repo, d)).find((d) => d.startsWith(`packages/${product}/`))!)];
    // One npm process for the whole sample; paths start with ./ so npm does not read them as GitHub shorthands.
    const packed = JSON.parse(
      execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts", "--offline", ...sample.map((d) => `./${d}`)], { cwd: repo, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }),
    ) as { name: string; files: { path: string }[] }[];
    expect(packed).toHaveLength(sample.length);
    for (const [i, dir] of sample.entries()) {
      const computed = packedFiles(join(repo, dir), versionOf);
      expect({ name: computed.name, files: computed.files.map((f) => f.name) }).toEqual({ name: packed[i]!.name, files: packed[i]!.files.map((f) => f.path).sort() });
    }
  });

  it("would be reported with its problems when broken (fixtures/broken-package)", async () => {
    const [result] = await checkAll([fileURLToPath(new URL("../fixtures/broken-package", import.meta.url))]);
    expect(result!.name).toBe("broken-package");
    const kinds = result!.problems.map((p) => p.split(" {")[0]);
    // CommonJS code typed by ESM-format declarations, for require under node16 and for node10.
    expect(kinds).toContain("attw: FalseESM");
    // dist/index.js is exported but not in `files`, so not in the tarball: for publint it does not exist.
    expect(result!.problems).toContain("publint error: FILE_DOES_NOT_EXIST at exports...import {}");
  });

  it("passes are-the-types-wrong (node10, node16-cjs, node16-esm, bundler) and publint with no message at all", async () => {
    const started = performance.now();
    const results = await checkAll(dirs);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const failing = results.filter((r) => r.problems.length > 0).map((r) => `${r.name} (${relative(repo, r.dir)}):\n  ${r.problems.join("\n  ")}`);
    const entrypoints = results.reduce((n, r) => n + r.entrypoints, 0);
    console.log(`attw + publint: ${results.length} packages, ${entrypoints} entrypoints × 4 resolution modes, ${failing.length} with problems, ${seconds} s on ${Math.min(4, availableParallelism())} worker(s)`);
    expect(results).toHaveLength(dirs.length);
    expect(failing).toEqual([]);
  });
});
