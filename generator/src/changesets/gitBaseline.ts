// The previous spec tree, taken from git (`HEAD` by default), so that `pnpm generate` can tell what a spec
// edit changed without the maintainer keeping a copy of the old specs.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";

function git(cwd: string, args: string[]): Buffer {
  return execFileSync("git", ["-C", cwd, ...args], { stdio: ["ignore", "pipe", "ignore"], maxBuffer: 256 * 1024 * 1024 });
}

/** Path of `abs` relative to the work tree of the repository containing `rootDir`, with `/`; undefined outside git. */
function repoPath(rootDir: string, abs: string): { top: string; rel: string } | undefined {
  try {
    const top = git(rootDir, ["rev-parse", "--show-toplevel"]).toString("utf8").trim();
    return { top, rel: relative(top, resolve(abs)).split(sep).join("/") };
  } catch {
    return undefined;
  }
}

/** Files under `dir` (a folder of the work tree) as committed at `ref`, repository-relative. */
export function committedFiles(rootDir: string, dir: string, ref = "HEAD"): string[] | undefined {
  const where = repoPath(rootDir, dir);
  if (where === undefined) return undefined;
  try {
    const out = git(where.top, ["ls-tree", "-r", "-z", "--name-only", ref, "--", where.rel || "."]).toString("utf8");
    return out.split("\0").filter((f) => f !== "");
  } catch {
    return undefined;
  }
}

/**
 * Writes the spec tree `specsDir` as committed at `ref` into a temporary folder and returns the folder's
 * `specs` path; an empty tree when `ref` has no specs yet. `undefined` when `rootDir` is not in a git
 * repository or `ref` does not exist (there is then no baseline to compare with).
 */
export function gitBaselineSpecs(rootDir: string, specsDir: string, ref = "HEAD"): string | undefined {
  const where = repoPath(rootDir, specsDir);
  const files = committedFiles(rootDir, specsDir, ref);
  if (where === undefined || files === undefined) return undefined;
  const out = join(mkdtempSync(join(tmpdir(), "acs-baseline-")), "specs");
  mkdirSync(out, { recursive: true });
  const prefix = where.rel ? `${where.rel}/` : "";
  for (const { path, content } of committedBlobs(where.top, where.rel || ".", ref)) {
    const target = join(out, path.slice(prefix.length));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return out;
}

/** Blobs per `git cat-file --batch` process: bounds the output buffer (specs are a few KB each). */
const BATCH = 4000;

/**
 * Every file under `rel` at `ref`, read with one `git cat-file --batch` per {@link BATCH} files: a
 * `git show` per file took a process per spec (170 s for a 5,000-operation catalog, over 6 min at 25,000).
 */
function committedBlobs(top: string, rel: string, ref: string): { path: string; content: Buffer }[] {
  const listing = git(top, ["ls-tree", "-r", "-z", ref, "--", rel]).toString("utf8");
  // `<mode> blob <oid>\t<path>` per entry; submodules (commit entries) have no content here.
  const entries = listing
    .split("\0")
    .filter((line) => line !== "")
    .map((line) => {
      const tab = line.indexOf("\t");
      const [, type, oid] = line.slice(0, tab).split(" ");
      return { type, oid: oid!, path: line.slice(tab + 1) };
    })
    .filter((e) => e.type === "blob");
  const blobs: { path: string; content: Buffer }[] = [];
  for (let i = 0; i < entries.length; i += BATCH) {
    const chunk = entries.slice(i, i + BATCH);
    const output = execFileSync("git", ["-C", top, "cat-file", "--batch"], {
      input: `${chunk.map((e) => e.oid).join("\n")}\n`,
      stdio: ["pipe", "pipe", "ignore"],
      maxBuffer: 1024 * 1024 * 1024,
    });
    // Each answer: `<oid> blob <size>\n<size bytes>\n`.
    let at = 0;
    for (const entry of chunk) {
      const headerEnd = output.indexOf(0x0a, at);
      const size = Number(output.subarray(at, headerEnd).toString("latin1").split(" ")[2]);
      if (!Number.isInteger(size)) throw new Error(`git cat-file: no object ${entry.oid} (${entry.path})`);
      blobs.push({ path: entry.path, content: output.subarray(headerEnd + 1, headerEnd + 1 + size) });
      at = headerEnd + 1 + size + 1;
    }
  }
  return blobs;
}
