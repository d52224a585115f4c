import { homedir as osHomedir } from "node:os";
import { join } from "node:path";
import { buildCredentials, isNonEmptyString } from "./buildCredentials.js";
import { type Env, isEnvTrue, readEnv } from "./envVar.js";
import { readOptionalFile } from "./readOptionalFile.js";
import { sourceBroken, sourceNotFound } from "./sourceErrors.js";
import type { CredentialProvider, Credentials } from "./types.js";

/** Options for {@link fromCliProfile}. */
export interface FromCliProfileOptions {
  /** Profile to use; defaults to `ALIBABA_CLOUD_PROFILE`, then the file's `current`. */
  readonly profile?: string;
  /** Config file; defaults to `<homedir>/.aliyun/config.json`. When given, a missing file is an error. */
  readonly path?: string;
  /** Environment to read; defaults to `process.env`. */
  readonly env?: Env;
  /** Home directory; defaults to `os.homedir()`. */
  readonly homedir?: string;
}

const SOURCE = "cli profile";
const SUPPORTED_MODES = ["AK", "StsToken"];

/**
 * Credentials from the Alibaba Cloud CLI config (`aliyun configure`), modes `AK` and `StsToken`.
 * Re-read on every call; wrap in {@link cachedProvider} if that matters.
 *
 * Not found (a chain moves on): disabled by `ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true`, default file absent,
 * profile named by option / `ALIBABA_CLOUD_PROFILE` absent (the same name also selects the ini-file profile,
 * so it need not exist here), or a mode this SDK cannot use (e.g. `EcsRamRole` on an ECS host, which the
 * chain's ECS step then covers).
 * Broken (a chain stops): invalid JSON, no `profiles` array, no profile selected, `current` naming a
 * profile that does not exist, or a supported mode missing one of its keys.
 */
export function fromCliProfile(options: FromCliProfileOptions = {}): CredentialProvider {
  return { getCredentials: () => load(options) };
}

async function load(options: FromCliProfileOptions): Promise<Credentials> {
  const env = options.env ?? process.env;
  if (isEnvTrue(env, "ALIBABA_CLOUD_CLI_PROFILE_DISABLED")) {
    throw sourceNotFound(SOURCE, "disabled by ALIBABA_CLOUD_CLI_PROFILE_DISABLED");
  }
  const path = options.path ?? join(options.homedir ?? osHomedir(), ".aliyun", "config.json");
  const file = await readOptionalFile(path);
  if (file.kind === "missing") {
    // An explicitly named file that is absent is a mistake; the default one being absent is normal.
    if (options.path !== undefined) throw sourceBroken(SOURCE, `${path} not found`);
    throw sourceNotFound(SOURCE, `${path} not found`);
  }
  if (file.kind === "unreadable") throw sourceBroken(SOURCE, `${path} cannot be read (${file.code})`);

  let config: unknown;
  try {
    config = JSON.parse(file.text);
  } catch {
    // The parser's message quotes the offending text, which may be a secret: report the fact only.
    throw sourceBroken(SOURCE, `${path} is not valid JSON`);
  }
  const profiles = isRecord(config) ? config["profiles"] : undefined;
  if (!isRecord(config) || !Array.isArray(profiles)) {
    throw sourceBroken(SOURCE, `${path} has no "profiles" array`);
  }

  const requested = options.profile ?? readEnv(env, "ALIBABA_CLOUD_PROFILE");
  const name = requested ?? config["current"];
  if (!isNonEmptyString(name)) {
    throw sourceBroken(SOURCE, `${path} has no "current" profile and none was requested`);
  }
  const profile = profiles.find((p: unknown) => isRecord(p) && p["name"] === name);
  if (!isRecord(profile)) {
    if (requested !== undefined) throw sourceNotFound(SOURCE, `profile "${name}" not found in ${path}`);
    throw sourceBroken(SOURCE, `"current" names profile "${name}", which is not in ${path}`);
  }
  return fromProfile(profile, `profile "${name}" in ${path}`);
}

function fromProfile(profile: Record<string, unknown>, where: string): Credentials {
  const rawMode = profile["mode"];
  // The CLI writes `mode` for every profile; very old configs may lack it, and those were AK profiles.
  const mode = isNonEmptyString(rawMode) ? rawMode : "AK";
  if (!SUPPORTED_MODES.includes(mode)) {
    const shown = /^[\w-]{1,40}$/.test(mode) ? mode : "(unrecognised)";
    throw sourceNotFound(SOURCE, `${where} uses unsupported mode ${shown} (supported: ${SUPPORTED_MODES.join(", ")})`);
  }
  const required = mode === "StsToken" ? ["access_key_id", "access_key_secret", "sts_token"] : ["access_key_id", "access_key_secret"];
  const missing = required.filter((key) => !isNonEmptyString(profile[key]));
  if (missing.length > 0) throw sourceBroken(SOURCE, `${where} (mode ${mode}) has no ${missing.join(", ")}`);
  return buildCredentials({
    accessKeyId: profile["access_key_id"] as string,
    accessKeySecret: profile["access_key_secret"] as string,
    securityToken: mode === "StsToken" ? (profile["sts_token"] as string) : undefined,
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
