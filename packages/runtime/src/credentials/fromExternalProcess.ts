import type { ExecFileException } from "node:child_process";
import { buildCredentials, isNonEmptyString } from "./buildCredentials.js";
import { sourceBroken } from "./sourceErrors.js";
import { type CredentialSourceOptions, refreshingSource } from "./sourceOptions.js";
import { splitCommand } from "./splitCommand.js";
import { parseJsonObject } from "./temporaryCredentials.js";
import type { CredentialProvider, Credentials } from "./types.js";

/** Options for {@link fromExternalProcess}. */
export interface FromExternalProcessOptions extends CredentialSourceOptions {
  /** Command line, split without a shell (quotes and backslashes as in POSIX `sh`). */
  readonly command: string;
  /** Kill the command after this long; default 60 000 ms, as the official client. */
  readonly timeoutMs?: number | undefined;
  /** Names this source in errors and events; default `external process`. */
  readonly label?: string | undefined;
}

/**
 * How long STS credentials without `expiration` are trusted: the shortest session STS issues (900 s), so
 * a token minted for this run is still valid when it is replaced.
 */
export const EXTERNAL_STS_ASSUMED_LIFETIME_MS = 900_000;

/**
 * Credentials printed by a command (the CLI's `External` mode, `process_command`): its standard output is
 * JSON `{ "mode": "AK" | "StsToken", "access_key_id", "access_key_secret", "sts_token", "expiration" }`.
 *
 * Cached: AK output without `expiration` is kept for good; StsToken output without one is trusted for
 * 15 minutes (the official clients run the command again on every call instead, one process per request).
 *
 * Errors say what went wrong (not found, exit code, timeout, bad output) but never quote the command line —
 * its arguments may carry secrets — nor its output; the label names the profile it came from.
 */
export function fromExternalProcess(options: FromExternalProcessOptions): CredentialProvider {
  return refreshingSource(options, "external process", (label) => runCommand(options, label));
}

async function runCommand(options: FromExternalProcessOptions, source: string): Promise<Credentials> {
  const argv = splitCommand(options.command);
  if (!Array.isArray(argv)) throw sourceBroken(source, argv.invalid);
  const timeoutMs = options.timeoutMs ?? 60_000;
  // Loaded on first use, like node:http in the transport: most processes never run a command.
  const { execFile } = await import("node:child_process");
  const stdout = await new Promise<string>((resolve, reject) => {
    const env = (options.env ?? process.env) as NodeJS.ProcessEnv;
    execFile(argv[0]!, argv.slice(1), { env, timeout: timeoutMs, maxBuffer: 1024 * 1024, windowsHide: true }, (error, out) => {
      if (error) reject(sourceBroken(source, `process_command ${describeExit(error, timeoutMs)}`));
      else resolve(out);
    });
  });
  return credentialsFromOutput(parseJsonObject(stdout, source, "process_command", "output"), source, options.now ?? Date.now);
}

function credentialsFromOutput(data: Record<string, unknown>, source: string, now: () => number): Credentials {
  const where = "process_command";
  const sts = data["mode"] === "StsToken";
  const required = sts ? ["access_key_id", "access_key_secret", "sts_token"] : ["access_key_id", "access_key_secret"];
  const missing = required.filter((key) => !isNonEmptyString(data[key]));
  if (missing.length > 0) throw sourceBroken(source, `${where}: output has no ${missing.join(", ")}`);
  let expiration: Date | undefined;
  if (data["expiration"] !== undefined && data["expiration"] !== "") {
    expiration = new Date(data["expiration"] as string);
    if (typeof data["expiration"] !== "string" || Number.isNaN(expiration.getTime())) {
      throw sourceBroken(source, `${where}: output's expiration is not a valid date`);
    }
  } else if (sts) {
    expiration = new Date(now() + EXTERNAL_STS_ASSUMED_LIFETIME_MS);
  }
  return buildCredentials({
    accessKeyId: data["access_key_id"] as string,
    accessKeySecret: data["access_key_secret"] as string,
    securityToken: sts ? (data["sts_token"] as string) : undefined,
    expiration,
  });
}

function describeExit(error: ExecFileException, timeoutMs: number): string {
  if (error.code === "ENOENT") return "not found";
  if (error.code === "EACCES") return "is not executable";
  if (error.code === "ERR_CHILD_PROCESS_STDIO_MAXBUFFER") return "printed more than 1 MiB";
  if (error.killed && error.signal === "SIGTERM") return `did not finish within ${timeoutMs} ms`;
  if (error.signal) return `was killed by ${error.signal}`;
  return typeof error.code === "number" ? `exited with code ${error.code}` : "failed";
}
