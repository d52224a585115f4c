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
  for (const file of files) {
    const target = join(out, file.slice(prefix.length));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, git(where.top, ["show", `${ref}:${file}`]));
  }
  return out;
}
