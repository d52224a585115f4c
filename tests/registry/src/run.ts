// Runs one child process without blocking the event loop (the fake server and Verdaccio's client calls live
// in this process), and fails with its command, exit code and the end of its output, secrets redacted.
import { spawn } from "node:child_process";

export interface RunOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Strings replaced by `<redacted>` in every error message (the registry token). */
  readonly secrets?: readonly string[];
  /** A guard against a hung child, not a performance limit. Default 20 minutes. */
  readonly killAfterMs?: number;
}

export interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
}

/** `text` with every secret replaced. */
export function redact(text: string, secrets: readonly string[] = []): string {
  return secrets.filter((s) => s.length > 0).reduce((t, s) => t.split(s).join("<redacted>"), text);
}

function tail(text: string, max = 6000): string {
  return text.length <= max ? text : `…${text.slice(-max)}`;
}

export function run(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => out.push(c));
    child.stderr.on("data", (c: Buffer) => err.push(c));
    const guard = setTimeout(() => child.kill("SIGKILL"), options.killAfterMs ?? 20 * 60_000);
    child.on("error", (e) => {
      clearTimeout(guard);
      reject(e);
    });
    child.on("close", (code, signal) => {
      clearTimeout(guard);
      const stdout = Buffer.concat(out).toString("utf8");
      const stderr = Buffer.concat(err).toString("utf8");
      if (code === 0) return resolve({ stdout, stderr });
      const what = `${command} ${args.join(" ")} (in ${options.cwd}) exited with ${code ?? signal}`;
      reject(new Error(redact(`${what}\n--- stdout\n${tail(stdout)}\n--- stderr\n${tail(stderr)}`, options.secrets)));
    });
  });
}
