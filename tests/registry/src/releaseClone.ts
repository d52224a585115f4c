// The release happens in a clone of the repository's HEAD, never in the checkout the test runs from:
// `changeset version` rewrites package.json and CHANGELOG.md files and deletes changesets. Dependencies come
// from pnpm's store without the network (the checkout's own `pnpm install` filled it).
import { join } from "node:path";
import { run, type RunResult } from "./run.js";

export interface Clone {
  readonly dir: string;
  /** Runs a command in the clone (or in `sub`, relative to it) with the release environment. */
  exec(command: string, args: readonly string[], sub?: string): Promise<RunResult>;
  /** `git add -A && git commit`: each step of a release is a commit, as in the maintainer workflow. */
  commit(message: string): Promise<void>;
}

export interface CloneOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly secrets: readonly string[];
  /** Guard against a hung command in the clone (see {@link run}). */
  readonly killAfterMs: number;
}

export async function cloneRepository(repo: string, dir: string, { env, secrets, killAfterMs }: CloneOptions): Promise<Clone> {
  // The store the checkout was installed from: asked with the test's own environment, before the clone's
  // user config (which points at the throw-away registry) could change where pnpm looks.
  const store = (await run("pnpm", ["store", "path"], { cwd: repo, env: process.env })).stdout.trim();
  await run("git", ["clone", "--quiet", "--local", repo, dir], { cwd: repo, env, secrets });
  const exec = (command: string, args: readonly string[], sub = ".") => run(command, args, { cwd: join(dir, sub), env, secrets, killAfterMs });
  await exec("pnpm", ["install", "--frozen-lockfile", "--offline", "--store-dir", store, "--reporter", "append-only"]);
  return {
    dir,
    exec,
    async commit(message) {
      await exec("git", ["add", "-A"]);
      await exec("git", ["commit", "--quiet", "--allow-empty", "-m", message]);
    },
  };
}
