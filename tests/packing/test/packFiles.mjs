// What `npm pack` (and `pnpm pack`, which selects files the same way) puts in a tarball, computed from the
// package folder without packing: the packages of this workspace name their published files one by one in
// `files`, so the selection is that list plus what npm always adds. typesAndLint.test.ts checks this against a
// real `npm pack --dry-run` on a sample of packages before it relies on it for all of them.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

// npm-packlist adds these from the package root whatever `files` says.
const ALWAYS = /^(readme|license|licence|copying)(\..*)?$/i;

/**
 * The files of the tarball of `dir`, as `{ name, data }` with `name` relative to the package root, and
 * package.json rewritten as pnpm publishes it (`workspace:` ranges replaced by the versions they point at).
 * @param {string} dir
 * @param {(name: string) => string | undefined} versionOf version of a workspace package, by name
 * @returns {{ name: string, version: string, files: { name: string, data: Uint8Array }[] }}
 */
export function packedFiles(dir, versionOf) {
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const names = new Set(["package.json"]);
  for (const entry of manifest.files ?? []) {
    if (/[*?[\]{}!]/.test(entry)) throw new Error(`${dir}: "files" entry ${entry} is a pattern; packFiles.mjs handles literal paths only`);
    if (existsSync(join(dir, entry))) names.add(entry.replace(/^\.\//, ""));
  }
  for (const name of readdirSync(dir)) if (ALWAYS.test(name)) names.add(name);
  if (typeof manifest.main === "string" && existsSync(join(dir, manifest.main))) names.add(manifest.main.replace(/^\.\//, ""));
  const files = [...names].sort().map((name) => ({
    name,
    data: name === "package.json" ? new TextEncoder().encode(JSON.stringify(publishedManifest(manifest, versionOf), null, 2)) : readFileSync(join(dir, name)),
  }));
  return { name: manifest.name, version: manifest.version, files };
}

/** `workspace:^` → `^1.2.3`, `workspace:~` → `~1.2.3`, `workspace:*` → `1.2.3`, as `pnpm publish` writes them. */
function publishedManifest(manifest, versionOf) {
  const out = { ...manifest };
  for (const field of ["dependencies", "peerDependencies", "optionalDependencies", "devDependencies"]) {
    if (!manifest[field]) continue;
    out[field] = Object.fromEntries(
      Object.entries(manifest[field]).map(([dep, range]) => {
        if (typeof range !== "string" || !range.startsWith("workspace:")) return [dep, range];
        const version = versionOf(dep);
        if (version === undefined) throw new Error(`${manifest.name}: ${dep} is not a workspace package`);
        const spec = range.slice("workspace:".length);
        return [dep, spec === "*" ? version : spec === "^" || spec === "~" ? `${spec}${version}` : spec];
      }),
    );
  }
  return out;
}

/**
 * Every publishable package folder of the workspace: `packages/*` and `packages/*\/*` whose package.json is
 * not private (the runtime, the mock, every generated operation package), sorted.
 * @param {string} repo
 * @returns {string[]}
 */
export function publishableDirs(repo) {
  const dirs = [];
  const visit = (dir, depth) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === "node_modules" || entry.name.startsWith(".")) continue;
      const sub = join(dir, entry.name);
      const manifestPath = join(sub, "package.json");
      if (existsSync(manifestPath) && JSON.parse(readFileSync(manifestPath, "utf8")).private !== true) dirs.push(sub);
      if (depth < 1) visit(sub, depth + 1);
    }
  };
  visit(join(repo, "packages"), 0);
  return dirs.sort();
}

/**
 * Name → version of every package of the workspace (what `workspace:` ranges point at), from the globs of
 * pnpm-workspace.yaml: `packages/*`, `packages/*\/*`, `generator`, `bench`, `tests/*`.
 * @param {string} repo
 * @returns {Record<string, string>}
 */
export function workspaceVersions(repo) {
  const versions = {};
  const read = (dir) => {
    const path = join(dir, "package.json");
    if (!existsSync(path)) return;
    const { name, version } = JSON.parse(readFileSync(path, "utf8"));
    if (name) versions[name] = version ?? "0.0.0";
  };
  const children = (dir) => (existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== "node_modules").map((e) => join(dir, e.name)) : []);
  for (const dir of children(join(repo, "packages"))) {
    read(dir);
    for (const sub of children(dir)) read(sub);
  }
  for (const dir of children(join(repo, "tests"))) read(dir);
  read(join(repo, "generator"));
  read(join(repo, "bench"));
  return versions;
}
