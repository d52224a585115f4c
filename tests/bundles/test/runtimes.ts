import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

// Deno and Bun come from the npm registry (devDependencies `deno` and `bun`): each ships its binary in a
// platform package among its optionalDependencies, which the package manager installs without running any
// install script. Found here through the wrapper package's own resolution.
const require = createRequire(import.meta.url);

function binaryOf(wrapper: string, relativePath: (platformPackage: string) => string): string {
  const wrapperJson = require.resolve(`${wrapper}/package.json`);
  const { optionalDependencies = {} } = require(wrapperJson) as { optionalDependencies?: Record<string, string> };
  const fromWrapper = createRequire(wrapperJson);
  for (const platformPackage of Object.keys(optionalDependencies)) {
    let packageJson: string;
    try {
      packageJson = fromWrapper.resolve(`${platformPackage}/package.json`);
    } catch {
      continue; // not this machine's platform
    }
    const binary = join(dirname(packageJson), relativePath(platformPackage));
    if (existsSync(binary)) return binary;
  }
  throw new Error(`no ${wrapper} binary for ${process.platform}-${process.arch} among ${Object.keys(optionalDependencies).join(", ")}`);
}

/** The Deno executable of the `deno` devDependency. */
export const denoBinary = (): string => binaryOf("deno", () => (process.platform === "win32" ? "deno.exe" : "deno"));

/** The Bun executable of the `bun` devDependency. */
export const bunBinary = (): string => binaryOf("bun", () => join("bin", process.platform === "win32" ? "bun.exe" : "bun"));

/** Runs a command to completion and returns its stdout; fails with its stderr. Never uses a shell. */
export function run(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd: options.cwd, env: options.env ?? process.env, timeout: 120_000, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(" ")} failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

/** The last line of a process's output parsed as JSON: what fixtures/runApp.mjs and dualLoad.mjs print. */
export function lastJson<T = Record<string, unknown>>(stdout: string): T {
  const lines = stdout.trim().split("\n");
  return JSON.parse(lines[lines.length - 1] ?? "null") as T;
}
