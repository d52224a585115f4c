import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { applySubset, keepReleases, publishablePackages, workspaceDirs } from "./releaseSubset.js";

describe("keepReleases", () => {
  const kept = new Set(["@acs-modular/runtime", "@acs-modular/ecs-describe-instances"]);

  it("keeps a changeset of kept packages as it is, and drops one of dropped packages", () => {
    const ours = `---\n"@acs-modular/ecs-describe-instances": minor\n---\n\nInitial release.\n`;
    expect(keepReleases(ours, kept)).toBe(ours);
    expect(keepReleases(`---\n"@acs-modular/nas-x": patch\n---\n\nFix.\n`, kept)).toBeUndefined();
  });

  it("removes only the dropped releases of a changeset that names several packages, summary untouched", () => {
    const text = `---\n"@acs-modular/runtime": minor\n'@acs-modular/nas-x': patch\n@acs-modular/mock: major\n---\n\nRetries: jitter.\n`;
    expect(keepReleases(text, kept)).toBe(`---\n"@acs-modular/runtime": minor\n---\n\nRetries: jitter.\n`);
  });
});

describe("applySubset", () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function file(path: string, text: string) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const pkg = (name: string, extra: object = {}) => JSON.stringify({ name, version: "0.0.0", ...extra });

  it("keeps the runtime and the chosen operations, with their specs and changesets, and drops what depends on dropped packages", () => {
    root = mkdtempSync(join(tmpdir(), "acs-subset-"));
    file("pnpm-workspace.yaml", "packages:\n  - packages/*\n  - packages/*/*\n  - generator\n  - tests/*\n");
    file("packages/runtime/package.json", pkg("@acs-modular/runtime"));
    const onNas = { devDependencies: { "@acs-modular/nas-create-data-flow": "workspace:*" } };
    file("packages/mock/package.json", pkg("@acs-modular/mock", { peerDependencies: { "@acs-modular/runtime": "workspace:^" }, ...onNas }));
    file("generator/package.json", pkg("@acs-modular/generator", { private: true }));
    file("tests/packing/package.json", pkg("@acs-modular/packing-test", { private: true, devDependencies: { "@acs-modular/product-nas": "workspace:*" } }));
    file("tests/uses-mock/package.json", pkg("@acs-modular/uses-mock", { private: true, devDependencies: { "@acs-modular/mock": "workspace:*" } }));
    file("tests/wire/package.json", pkg("@acs-modular/wire-tests", { private: true, devDependencies: { "@acs-modular/runtime": "workspace:*", randexp: "0.6.1" } }));
    for (const [code, version, ops] of [["ecs", "2014-05-26", ["DescribeInstances", "DeleteInstance"]], ["nas", "2017-06-26", ["CreateDataFlow"]]] as const) {
      file(`packages/${code}/package.json`, pkg(`@acs-modular/product-${code}`, { private: true, "acs-modular": { generatedProduct: `specs/${code}/${version}` } }));
      file(`specs/${code}/${version}/_product.yaml`, "code: x\n");
      for (const op of ops) {
        const dir = op.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase();
        file(`packages/${code}/${dir}/package.json`, pkg(`@acs-modular/${code}-${dir}`, { "acs-modular": { generatedFrom: `specs/${code}/${version}/${op}.yaml` } }));
        file(`specs/${code}/${version}/${op}.yaml`, "openapi: 3.0.3\n");
        file(`.changeset/acs-gen-${code}-${dir}-0.md`, `---\n"@acs-modular/${code}-${dir}": minor\n---\n\nInitial release.\n`);
      }
    }
    file(".changeset/README.md", "# Changesets\n");
    file(".changeset/config.json", "{}\n");

    const kept = applySubset(root, { products: { ecs: (op) => op === "describe-instances" } });

    expect(kept).toEqual(["@acs-modular/ecs-describe-instances", "@acs-modular/runtime"]);
    expect([...publishablePackages(root).keys()]).toEqual(kept);
    expect(workspaceDirs(root).map((d) => d.slice(root.length + 1))).toEqual(["generator", "packages/ecs", "packages/ecs/describe-instances", "packages/runtime", "tests/wire"]);
    expect(readdirSync(join(root, "specs"))).toEqual(["ecs"]);
    expect(readdirSync(join(root, "specs/ecs/2014-05-26")).sort()).toEqual(["DescribeInstances.yaml", "_product.yaml"]);
    expect(readdirSync(join(root, ".changeset")).sort()).toEqual(["README.md", "acs-gen-ecs-describe-instances-0.md", "config.json"]);
    expect(readFileSync(join(root, ".changeset/acs-gen-ecs-describe-instances-0.md"), "utf8")).toContain('"@acs-modular/ecs-describe-instances": minor');
    expect(existsSync(join(root, "packages/nas"))).toBe(false);
  });
});
