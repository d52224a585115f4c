import { spawn, spawnSync, type SpawnSyncOptions } from "node:child_process";

/** Runs a command to completion and returns its stdout; throws with its stderr when it fails. */
export function run(command: string, args: readonly string[], options: SpawnSyncOptions = {}): string {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    const err = String(result.stderr ?? "").trim().split("\n").slice(-15).join("\n");
    const out = String(result.stdout ?? "").trim().split("\n").slice(-15).join("\n");
    throw new Error(`${command} ${args.join(" ")} exited ${result.status}:\n${err || out}`);
  }
  return String(result.stdout ?? "");
}

/** Runs a child `node` script and parses the last line it prints as JSON. */
export function runNodeJson<T>(script: string, args: readonly string[], options: SpawnSyncOptions = {}): T {
  const out = run(process.execPath, [script, ...args], options).trim().split("\n");
  return JSON.parse(out[out.length - 1]!) as T;
}

/** Starts a long-lived child and resolves with it and the first line it prints (e.g. a port). */
export function startChild(command: string, args: readonly string[]): Promise<{ child: ReturnType<typeof spawn>; firstLine: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["pipe", "pipe", "inherit"] });
    let buffer = "";
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`${command} exited early (${code})`)));
    child.stdout!.setEncoding("utf8");
    child.stdout!.on("data", (chunk: string) => {
      buffer += chunk;
      const nl = buffer.indexOf("\n");
      if (nl >= 0) {
        child.removeAllListeners("exit");
        resolve({ child, firstLine: buffer.slice(0, nl) });
      }
    });
  });
}
