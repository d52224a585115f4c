import { homePath } from "../platform/homePath.js";
import { readEnv } from "./envVar.js";
import { INI_SOURCE, iniSectionProvider } from "./ini/iniSectionProvider.js";
import { parseIni } from "./parseIni.js";
import type { ProfileSourceOptions } from "./profileSourceOptions.js";
import { readOptionalFile } from "./readOptionalFile.js";
import { type LoadedSource, reloadingProvider } from "./reloadingProvider.js";
import { sourceBroken, sourceNotFound } from "./sourceErrors.js";
import type { CredentialProvider } from "./types.js";

/** Options for {@link fromIniFile}. */
export interface FromIniFileOptions extends ProfileSourceOptions {
  /** Section to use; defaults to `ALIBABA_CLOUD_PROFILE`, then `default`. */
  readonly profile?: string | undefined;
  /**
   * Credentials file; defaults to `ALIBABA_CLOUD_CREDENTIALS_FILE`, then `<homedir>/.alibabacloud/credentials`.
   * When given here or by the variable, a missing file is an error.
   */
  readonly path?: string | undefined;
  /** Home directory; defaults to `os.homedir()`. */
  readonly homedir?: string | undefined;
}

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
 * Types `access_key` (also assumed when `type` is absent), `sts`, `ecs_ram_role`, `ram_role_arn`,
 * `oidc_role_arn` and `credentials_uri`; see `ini/iniSectionProvider.ts` for their keys. The file is re-read
 * on every call; the provider a section describes is kept while the file's text is unchanged.
 *
 * Not found (a chain moves on): default file absent, section absent, section has `enable = false`, or an
 * unsupported `type`. Broken (a chain stops): a file named explicitly is absent or unreadable, a type misses
 * one of its keys, or the source it describes fails.
 */
export function fromIniFile(options: FromIniFileOptions = {}): CredentialProvider {
  return reloadingProvider(() => load(options));
}

async function load(options: FromIniFileOptions): Promise<LoadedSource> {
  const env = options.env ?? process.env;
  const explicitPath = options.path ?? readEnv(env, ENV_FILE);
  const path = explicitPath ?? (await homePath(options.homedir, ".alibabacloud", "credentials"));
  const file = await readOptionalFile(path);
  if (file.kind === "missing") {
    if (explicitPath === undefined) throw sourceNotFound(INI_SOURCE, `${path} not found`);
    const via = options.path !== undefined ? "path option" : ENV_FILE;
    throw sourceBroken(INI_SOURCE, `${path} (from ${via}) not found`);
  }
  if (file.kind === "unreadable") throw sourceBroken(INI_SOURCE, `${path} cannot be read (${file.code})`);

  const name = options.profile ?? readEnv(env, "ALIBABA_CLOUD_PROFILE") ?? "default";
  const section = parseIni(file.text).get(name);
  const where = `[${name}] in ${path}`;
  if (!section) throw sourceNotFound(INI_SOURCE, `no section ${where}`);
  if (section.get("enable")?.toLowerCase() === "false") throw sourceNotFound(INI_SOURCE, `${where} has enable = false`);
  return { key: `${path}\0${name}\0${file.text}`, build: () => iniSectionProvider(section, name, path, options) };
}
