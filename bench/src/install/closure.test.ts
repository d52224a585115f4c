import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dependencyClosure } from "./closure.js";
import { dirSize, listInstalledPackages } from "./dirSize.js";

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "bench-closure-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, content: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

/** A package in pnpm's layout: node_modules/.pnpm/<id>/node_modules/<name>, its deps linked beside it. */
function pnpmPackage(name: string, version: string, deps: Record<string, string>, optional: Record<string, string> = {}, extraBytes = 0): void {
  const id = `${name.replace("/", "+")}@${version}`;
  const dir = `node_modules/.pnpm/${id}/node_modules/${name}`;
  write(`${dir}/package.json`, JSON.stringify({ name, version, dependencies: deps, optionalDependencies: optional }));
  write(`${dir}/index.js`, "x".repeat(extraBytes));
  for (const [dep, depVersion] of Object.entries({ ...deps, ...optional })) {
    const link = join(root, `node_modules/.pnpm/${id}/node_modules/${dep}`);
    const target = join(root, `node_modules/.pnpm/${dep.replace("/", "+")}@${depVersion}/node_modules/${dep}`);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(target, link);
  }
}

describe("dependencyClosure", () => {
  it("walks a pnpm layout through its links and counts a shared dependency once", () => {
    pnpmPackage("@acme/sdk", "1.0.0", { "@acme/core": "2.0.0", leftpad: "1.0.0" }, {}, 100);
    pnpmPackage("@acme/core", "2.0.0", { leftpad: "1.0.0" }, {}, 50);
    pnpmPackage("leftpad", "1.0.0", {}, {}, 10);
    mkdirSync(join(root, "app/node_modules/@acme"), { recursive: true });
    symlinkSync(join(root, "node_modules/.pnpm/@acme+sdk@1.0.0/node_modules/@acme/sdk"), join(root, "app/node_modules/@acme/sdk"));

    const closure = dependencyClosure(join(root, "app/node_modules/@acme/sdk"));
    expect(closure.map((p) => `${p.name}@${p.version}`)).toEqual(["@acme/core@2.0.0", "@acme/sdk@1.0.0", "leftpad@1.0.0"]);
    const sdk = closure.find((p) => p.name === "@acme/sdk")!;
    expect(sdk.bytes).toBe(dirSize(sdk.dir));
    expect(sdk.bytes).toBeGreaterThan(100);
  });

  it("skips an optional dependency that is not installed but refuses a missing required one", () => {
    pnpmPackage("a", "1.0.0", {}, { "not-here": "1.0.0" });
    rmSync(join(root, "node_modules/.pnpm/a@1.0.0/node_modules/not-here"));
    expect(dependencyClosure(join(root, "node_modules/.pnpm/a@1.0.0/node_modules/a")).map((p) => p.name)).toEqual(["a"]);

    pnpmPackage("b", "1.0.0", { gone: "1.0.0" });
    expect(() => dependencyClosure(join(root, "node_modules/.pnpm/b@1.0.0/node_modules/b"))).toThrow(/b: dependency gone is not installed/);
  });

  it("resolves a flat npm layout by climbing to the enclosing node_modules", () => {
    write("node_modules/top/package.json", JSON.stringify({ name: "top", version: "1.0.0", dependencies: { mid: "1", low: "1" } }));
    write("node_modules/mid/package.json", JSON.stringify({ name: "mid", version: "1.0.0", dependencies: { low: "2" } }));
    write("node_modules/mid/node_modules/low/package.json", JSON.stringify({ name: "low", version: "2.0.0" }));
    write("node_modules/low/package.json", JSON.stringify({ name: "low", version: "1.0.0" }));
    const names = dependencyClosure(join(root, "node_modules/top")).map((p) => `${p.name}@${p.version}`).sort();
    expect(names).toEqual(["low@1.0.0", "low@2.0.0", "mid@1.0.0", "top@1.0.0"]);
  });
});

describe("listInstalledPackages / dirSize", () => {
  it("finds scoped, unscoped and nested packages and ignores dot folders", () => {
    write("node_modules/@s/one/package.json", "{}");
    write("node_modules/two/package.json", "{}");
    write("node_modules/two/node_modules/three/package.json", "{}");
    write("node_modules/.bin/tool", "#!");
    const found = listInstalledPackages(join(root, "node_modules")).map((d) => d.slice(root.length + 1)).sort();
    expect(found).toEqual(["node_modules/@s/one", "node_modules/two", "node_modules/two/node_modules/three"]);
  });

  it("sums file sizes and leaves out skipped folders", () => {
    write("pkg/a.txt", "12345");
    write("pkg/sub/b.txt", "123");
    write("pkg/node_modules/c.txt", "1234567");
    expect(dirSize(join(root, "pkg"))).toBe(15);
    expect(dirSize(join(root, "pkg"), new Set(["node_modules"]))).toBe(8);
  });
});
