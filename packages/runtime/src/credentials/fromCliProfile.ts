import { homePath } from "../platform/homePath.js";
import { isNonEmptyString } from "./buildCredentials.js";
import { CLI_SOURCE, cliProfileProvider, findCliProfile, isRecord } from "./cli/cliProfileProvider.js";
import { isEnvTrue, readEnv } from "./envVar.js";
import type { ProfileSourceOptions } from "./profileSourceOptions.js";
import { readOptionalFile } from "./readOptionalFile.js";
import { type LoadedSource, reloadingProvider } from "./reloadingProvider.js";
import { sourceBroken, sourceNotFound } from "./sourceErrors.js";
import type { CredentialProvider } from "./types.js";

/** Options for {@link fromCliProfile}. */
export interface FromCliProfileOptions extends ProfileSourceOptions {
  /** Profile to use; defaults to `ALIBABA_CLOUD_PROFILE`, then the file's `current`. */
  readonly profile?: string | undefined;
  /**
   * Config file; defaults to `ALIBABA_CLOUD_CONFIG_FILE` (as credentials-go reads it), then
   * `<homedir>/.aliyun/config.json`. When given here or by the variable, a missing file is an error.
   */
  readonly path?: string | undefined;
  /** Home directory; defaults to `os.homedir()`. */
  readonly homedir?: string | undefined;
}

const ENV_FILE = "ALIBABA_CLOUD_CONFIG_FILE";

/**
 * Credentials from the Alibaba Cloud CLI config (`aliyun configure`), in every mode the official chain
 * resolves: `AK`, `StsToken`, `RamRoleArn`, `ChainableRamRoleArn` (a role assumed with another profile's
 * credentials, to any depth), `EcsRamRole`, `OIDC`, `CloudSSO`, `External` (`process_command`), and the
 * CLI's `CredentialsURI`. Roles are assumed through this runtime's STS client ({@link fromRamRoleArn}).
 *
 * The file is re-read on every call, so `aliyun configure` changes are picked up; the provider a profile
 * describes is kept while the file's text is unchanged, so refreshing sources keep their cache.
 *
 * Not found (a chain moves on): disabled by `ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true`, default file absent,
 * profile named by option / `ALIBABA_CLOUD_PROFILE` absent (the same name also selects the ini-file profile,
 * so it need not exist here), or a mode this runtime does not resolve (OAuth, BearerToken, ...).
 * Broken (a chain stops): invalid JSON, no `profiles` array, no profile selected, `current` naming a
 * profile that does not exist, a mode missing one of its keys, or the source it describes failing.
 */
export function fromCliProfile(options: FromCliProfileOptions = {}): CredentialProvider {
  return reloadingProvider(() => load(options));
}

async function load(options: FromCliProfileOptions): Promise<LoadedSource> {
  const env = options.env ?? process.env;
  if (isEnvTrue(env, "ALIBABA_CLOUD_CLI_PROFILE_DISABLED")) {
    throw sourceNotFound(CLI_SOURCE, "disabled by ALIBABA_CLOUD_CLI_PROFILE_DISABLED");
  }
  const explicitPath = options.path ?? readEnv(env, ENV_FILE);
  const path = explicitPath ?? (await homePath(options.homedir, ".aliyun", "config.json"));
  const file = await readOptionalFile(path);
  if (file.kind === "missing") {
    // An explicitly named file that is absent is a mistake; the default one being absent is normal.
    if (explicitPath === undefined) throw sourceNotFound(CLI_SOURCE, `${path} not found`);
    const via = options.path !== undefined ? "" : ` (from ${ENV_FILE})`;
    throw sourceBroken(CLI_SOURCE, `${path}${via} not found`);
  }
  if (file.kind === "unreadable") throw sourceBroken(CLI_SOURCE, `${path} cannot be read (${file.code})`);

  let config: unknown;
  try {
    config = JSON.parse(file.text);
  } catch {
    // The parser's message quotes the offending text, which may be a secret: report the fact only.
    throw sourceBroken(CLI_SOURCE, `${path} is not valid JSON`);
  }
  const profiles = isRecord(config) ? config["profiles"] : undefined;
  if (!isRecord(config) || !Array.isArray(profiles)) {
    throw sourceBroken(CLI_SOURCE, `${path} has no "profiles" array`);
  }

  const requested = options.profile ?? readEnv(env, "ALIBABA_CLOUD_PROFILE");
  const name = requested ?? config["current"];
  if (!isNonEmptyString(name)) {
    throw sourceBroken(CLI_SOURCE, `${path} has no "current" profile and none was requested`);
  }
  const profile = findCliProfile(profiles, name);
  if (!profile) {
    if (requested !== undefined) throw sourceNotFound(CLI_SOURCE, `profile "${name}" not found in ${path}`);
    throw sourceBroken(CLI_SOURCE, `"current" names profile "${name}", which is not in ${path}`);
  }
  return { key: `${path}\0${name}\0${file.text}`, build: () => cliProfileProvider(profile, { profiles, path, options }) };
}
