import { homedir as osHomedir } from "node:os";
import { join } from "node:path";
import { buildCredentials, isNonEmptyString } from "./buildCredentials.js";
import { type Env, readEnv } from "./envVar.js";
import { parseIni } from "./parseIni.js";
import { readOptionalFile } from "./readOptionalFile.js";
import { sourceBroken, sourceNotFound } from "./sourceErrors.js";
import type { CredentialProvider, Credentials } from "./types.js";

/** Options for {@link fromIniFile}. */
export interface FromIniFileOptions {
  /** Section to use; defaults to `ALIBABA_CLOUD_PROFILE`, then `default`. */
  readonly profile?: string;
  /**
   * Credentials file; defaults to `ALIBABA_CLOUD_CREDENTIALS_FILE`, then `<homedir>/.alibabacloud/credentials`.
   * When given here or by the variable, a missing file is an error.
   */
  readonly path?: string;
  /** Environment to read; defaults to `process.env`. */
  readonly env?: Env;
  /** Home directory; defaults to `os.homedir()`. */
  readonly homedir?: string;
}

const SOURCE = "ini file";
const ENV_FILE = "ALIBABA_CLOUD_CREDENTIALS_FILE";

/**
 * Credentials from the shared credentials file of the official Alibaba Cloud SDKs:
 *
 * ```ini
 * [default]
 * type = access_key
 * access_key_id = ...
 * access_key_secret = ...
 * ```
 *
 * `type = access_key` (also assumed when `type` is absent) and `type = sts` (adds `security_token`) are
 * supported. Re-read on every call; wrap in {@link cachedProvider} if that matters.
 *
 * Not found (a chain moves on): default file absent, section absent, section has `enable = false`, or an
 * unsupported `type` (ram_role_arn, ecs_ram_role, ...). Broken (a chain stops): a file named explicitly is
 * absent or unreadable, or a supported type misses one of its keys.
 */
export function fromIniFile(options: FromIniFileOptions = {}): CredentialProvider {
  return { getCredentials: () => load(options) };
}

async function load(options: FromIniFileOptions): Promise<Credentials> {
  const env = options.env ?? process.env;
  const explicitPath = options.path ?? readEnv(env, ENV_FILE);
  const path = explicitPath ?? join(options.homedir ?? osHomedir(), ".alibabacloud", "credentials");
  const file = await readOptionalFile(path);
  if (file.kind === "missing") {
    if (explicitPath === undefined) throw sourceNotFound(SOURCE, `${path} not found`);
    const via = options.path !== undefined ? "path option" : ENV_FILE;
    throw sourceBroken(SOURCE, `${path} (from ${via}) not found`);
  }
  if (file.kind === "unreadable") throw sourceBroken(SOURCE, `${path} cannot be read (${file.code})`);

  const name = options.profile ?? readEnv(env, "ALIBABA_CLOUD_PROFILE") ?? "default";
  const section = parseIni(file.text).get(name);
  const where = `[${name}] in ${path}`;
  if (!section) throw sourceNotFound(SOURCE, `no section ${where}`);
  if (section.get("enable")?.toLowerCase() === "false") throw sourceNotFound(SOURCE, `${where} has enable = false`);

  const type = section.get("type") || "access_key";
  if (type !== "access_key" && type !== "sts") {
    const shown = /^[\w-]{1,40}$/.test(type) ? type : "(unrecognised)";
    throw sourceNotFound(SOURCE, `${where} has unsupported type ${shown} (supported: access_key, sts)`);
  }
  const required = type === "sts" ? ["access_key_id", "access_key_secret", "security_token"] : ["access_key_id", "access_key_secret"];
  const missing = required.filter((key) => !isNonEmptyString(section.get(key)));
  if (missing.length > 0) throw sourceBroken(SOURCE, `${where} (type ${type}) has no ${missing.join(", ")}`);
  return buildCredentials({
    accessKeyId: section.get("access_key_id")!,
    accessKeySecret: section.get("access_key_secret")!,
    securityToken: type === "sts" ? section.get("security_token") : undefined,
  });
}
