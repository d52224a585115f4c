// Which packages the release test publishes, and how a clone of the workspace is cut down to them.
//
// `changeset publish` runs one `npm info` per package (40 at a time), then one `pnpm publish` (which runs
// `npm publish`) per unpublished package (10 at a time): a few seconds of CPU per package. Measured on the
// 2-core machine (shared with other test runs) for all 1,063 packages: build 129 s, `changeset version`
// 63 s, the `npm info` pass 26 min, then about 10 publishes a minute, so well over an hour in all (stopped
// there); the whole ECS product alone would be over 20 minutes. Per package, `npm info` takes 0.7 s of CPU,
// `pnpm publish` 2.3 s and Verdaccio 0.4 s. The budget of this test is a few minutes, so the clone keeps
// the runtime and four ECS operations that read instances (among them `@acs-modular/ecs-describe-instances`,
// the one the user installs, and `describe-instances-full-status`, built and regenerated with it), and drops
// everything else before `changeset version`: the other products (package folders and specs), the other ECS
// operations (folder and spec each), the packages that depend on dropped ones (mock, bench, most
// of tests/*), and the changesets of dropped packages. REGISTRY_TEST_FULL=1 keeps the whole workspace: a
// rehearsal of the real release.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

export interface Subset {
  /** Generated products kept, each with the operation folders (`describe-instances`) it keeps. */
  readonly products: Readonly<Record<string, (operationDir: string) => boolean>>;
}

const ECS_KEPT = new Set(["describe-instances", "describe-instances-full-status", "describe-instance-attribute", "describe-instance-status"]);

export const RELEASE_SUBSET: Subset = {
  products: { ecs: (op) => ECS_KEPT.has(op) },
};

interface Manifest {
  readonly name: string;
  readonly private?: boolean;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly "acs-modular"?: { readonly generatedProduct?: string; readonly generatedFrom?: string };
}

function manifest(dir: string): Manifest | undefined {
  const file = join(dir, "package.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Manifest) : undefined;
}

/**
 * A changeset file without the releases of packages not in `kept`; `undefined` when none is left. Changesets
 * refuses to version a changeset that names a package the workspace does not have.
 */
export function keepReleases(text: string, kept: ReadonlySet<string>): string | undefined {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m) return text;
  const lines = (m[1] ?? "").split("\n").filter((l) => l.trim() !== "");
  const left = lines.filter((l) => {
    const name = /^\s*["']?([^"']+?)["']?\s*:\s*(?:major|minor|patch|none)\s*$/.exec(l)?.[1];
    return name === undefined || kept.has(name);
  });
  if (left.length === 0) return undefined;
  return `---\n${left.join("\n")}\n---\n${text.slice(m[0].length)}`;
}

/** Cuts the workspace at `root` down to `subset`. Returns the names of the publishable packages left. */
export function applySubset(root: string, subset: Subset): string[] {
  const packagesDir = join(root, "packages");
  for (const code of readdirSync(packagesDir)) {
    const productDir = join(packagesDir, code);
    const product = manifest(productDir)?.["acs-modular"]?.generatedProduct;
    if (product === undefined) continue;
    const keep = subset.products[code];
    if (keep === undefined) {
      rmSync(productDir, { recursive: true, force: true });
      rmSync(join(root, product), { recursive: true, force: true });
      if (readdirSync(dirname(join(root, product))).length === 0) rmSync(dirname(join(root, product)), { recursive: true });
      continue;
    }
    for (const op of readdirSync(productDir)) {
      const spec = manifest(join(productDir, op))?.["acs-modular"]?.generatedFrom;
      if (spec === undefined || keep(op)) continue;
      rmSync(join(productDir, op), { recursive: true, force: true });
      rmSync(join(root, spec), { force: true });
    }
  }
  dropDependents(root);
  const all = new Set(workspaceDirs(root).map((d) => manifest(d)!.name));
  const changesets = join(root, ".changeset");
  for (const file of readdirSync(changesets).filter((f) => f.endsWith(".md") && f !== "README.md")) {
    const text = readFileSync(join(changesets, file), "utf8");
    const left = keepReleases(text, all);
    if (left === undefined) rmSync(join(changesets, file));
    else if (left !== text) writeFileSync(join(changesets, file), left);
  }
  return [...publishablePackages(root).keys()];
}

/**
 * Removes every workspace package that depends (in any dependency field) on a workspace package that is no
 * longer there, until none does: mock, bench and the cross-package tests, which use dropped operations.
 */
function dropDependents(root: string): void {
  for (;;) {
    const dirs = workspaceDirs(root);
    const names = new Set(dirs.map((d) => manifest(d)!.name));
    const broken = dirs.filter((d) => {
      const m = manifest(d)!;
      const deps = { ...m.dependencies, ...m.devDependencies, ...m.peerDependencies };
      return Object.entries(deps).some(([name, spec]) => spec.startsWith("workspace:") && !names.has(name));
    });
    if (broken.length === 0) return;
    for (const d of broken) rmSync(d, { recursive: true, force: true });
  }
}

/** Folders of the workspace's packages: the globs of pnpm-workspace.yaml, expanded (`*` is one folder level). */
export function workspaceDirs(root: string): string[] {
  const yaml = readFileSync(join(root, "pnpm-workspace.yaml"), "utf8");
  const globs = [...yaml.matchAll(/^\s*-\s*["']?([^"'\s#]+)["']?/gm)].map((m) => m[1] ?? "");
  const dirs = new Set<string>();
  for (const glob of globs) {
    let found = [root];
    for (const part of glob.split("/")) {
      found = found.flatMap((d) =>
        part !== "*"
          ? [join(d, part)]
          : existsSync(d)
            ? readdirSync(d, { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== "node_modules").map((e) => join(d, e.name))
            : [],
      );
    }
    for (const d of found) if (manifest(d) !== undefined) dirs.add(d);
  }
  return [...dirs].sort();
}

/** The workspace packages that are not private (what `changeset publish` publishes): name → folder, by name. */
export function publishablePackages(root: string): Map<string, string> {
  const found = workspaceDirs(root)
    .map((dir) => ({ dir, m: manifest(dir)! }))
    .filter(({ m }) => m.private !== true)
    .map(({ dir, m }) => [m.name, dir] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return new Map(found);
}
