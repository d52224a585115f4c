import { spawn, spawnSync, type SpawnSyncOptions } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { killTree, sampleTree } from "./procTree.js";

/** Runs a command to completion and returns its stdout; throws with its stderr when it fails. */
export function run(command: string, args: readonly string[], options: SpawnSyncOptions = {}): string {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, ...options });
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

/** What one measured command cost: wall and CPU time, and memory. */
export interface CommandCost {
  readonly wallMs: number;
  /** User and system CPU of the command and every descendant it waited for (GNU time). */
  readonly userMs: number;
  readonly sysMs: number;
  /** Peak resident set of the largest single process of the tree (GNU time's %M). */
  readonly maxRssBytes: number;
  /** Peak of the summed resident sets of all processes of the tree alive at once (sampled from /proc). */
  readonly peakTreeRssBytes: number;
  /** Most processes of the tree alive at once (sampled). */
  readonly peakProcesses: number;
  readonly exitCode: number;
  /** Set when the command was stopped after `timeoutMs`: its figures then cover that time only. */
  readonly timedOut?: boolean;
}

export interface MeasuredCommand extends CommandCost {
  /** The last 64 KiB of what the command printed on stdout and stderr. */
  readonly output: string;
}

const TIME = "/usr/bin/time";
const KEEP = 64 * 1024;

/** Parses GNU time's `-f "%e %U %S %M"` line (seconds, seconds, seconds, KiB). */
export function parseTimeLine(text: string): { wallMs: number; userMs: number; sysMs: number; maxRssBytes: number } | undefined {
  const line = text.trim().split("\n").pop() ?? "";
  const m = /^([\d.]+) ([\d.]+) ([\d.]+) (\d+)$/.exec(line.trim());
  if (!m) return undefined;
  return { wallMs: Number(m[1]) * 1000, userMs: Number(m[2]) * 1000, sysMs: Number(m[3]) * 1000, maxRssBytes: Number(m[4]) * 1024 };
}

/**
 * Runs a command under GNU time (when installed) while sampling its process tree, and resolves with what it
 * cost; a non-zero exit is reported in `exitCode`, not thrown, so that a failing step is still measured.
 */
export async function measureCommand(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<MeasuredCommand> {
  const haveTime = existsSync(TIME);
  const dir = mkdtempSync(join(tmpdir(), "acs-bench-time-"));
  const timeFile = join(dir, "time.txt");
  const [cmd, argv] = haveTime ? [TIME, ["-f", "%e %U %S %M", "-o", timeFile, command, ...args]] : [command, [...args]];
  const started = process.hrtime.bigint();
  const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
  const sampler = sampleTree(child.pid!);
  let output = "";
  const keep = (chunk: Buffer): void => {
    output += chunk.toString("utf8");
    if (output.length > 2 * KEEP) output = output.slice(-KEEP);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  let timedOut = false;
  const timer = options.timeoutMs
    ? setTimeout(() => {
        timedOut = true;
        killTree(child.pid!, "SIGKILL", haveTime);
      }, options.timeoutMs)
    : undefined;
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  if (timer) clearTimeout(timer);
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const tree = sampler.stop();
  const timed = haveTime && existsSync(timeFile) ? parseTimeLine(readFileSync(timeFile, "utf8")) : undefined;
  rmSync(dir, { recursive: true, force: true });
  return {
    wallMs,
    userMs: timed?.userMs ?? NaN,
    sysMs: timed?.sysMs ?? NaN,
    maxRssBytes: timed?.maxRssBytes ?? NaN,
    peakTreeRssBytes: tree.peakBytes,
    peakProcesses: tree.peakProcesses,
    exitCode,
    ...(timedOut ? { timedOut } : {}),
    output: output.slice(-KEEP),
  };
}
