import { CredentialsError } from "../errors/CredentialsError.js";
import type { Env } from "./envVar.js";
import { fromCliProfile } from "./fromCliProfile.js";
import { fromEcsRamRole, type FromEcsRamRoleOptions } from "./fromEcsRamRole.js";
import { fromEnv } from "./fromEnv.js";
import { fromIniFile } from "./fromIniFile.js";
import { isSourceNotFound } from "./sourceErrors.js";
import { fromStatic, type StaticCredentialsInput } from "./staticCredentials.js";
import type { CredentialProvider, Credentials } from "./types.js";

/** Options for {@link defaultCredentialProvider}. Every input is injectable so tests never see the real machine. */
export interface DefaultCredentialProviderOptions {
  /** Explicit credentials or provider. When given, it is the only source: no silent fallback to others. */
  readonly credentials?: StaticCredentialsInput | CredentialProvider;
  /** Profile for the CLI config and the ini file; defaults to `ALIBABA_CLOUD_PROFILE`. */
  readonly profile?: string;
  /** Environment for every source; defaults to `process.env`. */
  readonly env?: Env;
  /** Home directory for the file sources; defaults to `os.homedir()`. */
  readonly homedir?: string;
  /** Overrides `~/.aliyun/config.json`. */
  readonly cliConfigPath?: string;
  /** Overrides `~/.alibabacloud/credentials` (and `ALIBABA_CLOUD_CREDENTIALS_FILE`). */
  readonly credentialsFilePath?: string;
  /** ECS metadata settings (role name, base URL, timeout, refresh margin). */
  readonly ecs?: Omit<FromEcsRamRoleOptions, "env">;
}

/**
 * The provider clients use when none is configured. Sources, in order: explicit → environment variables →
 * Alibaba Cloud CLI profile → shared ini credentials file → ECS instance RAM role (cached until expiry).
 *
 * - The first source that yields credentials wins and is remembered: later calls go straight to it.
 * - A source that is simply absent is skipped. A source that is present but broken (malformed JSON, a
 *   profile missing a key, half-set variables, explicit credentials that are empty) stops the chain with
 *   its own error: falling through would quietly sign with some other identity, and the typo would only
 *   surface as a confusing permission error later.
 * - If every source is absent, one {@link CredentialsError} lists each source and why, e.g.
 *   `env: ALIBABA_CLOUD_ACCESS_KEY_ID not set; cli profile: /home/u/.aliyun/config.json not found; ...`.
 *   Nothing is remembered then, so a later call tries again (the metadata service may have been slow).
 */
export function defaultCredentialProvider(options: DefaultCredentialProviderOptions = {}): CredentialProvider {
  return chain(buildSteps(options));
}

function buildSteps(options: DefaultCredentialProviderOptions): CredentialProvider[] {
  if (options.credentials !== undefined) {
    const explicit = options.credentials;
    return [isProvider(explicit) ? explicit : fromStatic(explicit)];
  }
  const shared = {
    ...(options.env === undefined ? {} : { env: options.env }),
    ...(options.homedir === undefined ? {} : { homedir: options.homedir }),
    ...(options.profile === undefined ? {} : { profile: options.profile }),
  };
  return [
    fromEnv(options.env === undefined ? {} : { env: options.env }),
    fromCliProfile({ ...shared, ...(options.cliConfigPath === undefined ? {} : { path: options.cliConfigPath }) }),
    fromIniFile({ ...shared, ...(options.credentialsFilePath === undefined ? {} : { path: options.credentialsFilePath }) }),
    fromEcsRamRole({ ...options.ecs, ...(options.env === undefined ? {} : { env: options.env }) }),
  ];
}

function chain(steps: readonly CredentialProvider[]): CredentialProvider {
  let winner: CredentialProvider | undefined;
  let resolving: Promise<Credentials> | undefined;

  const resolve = async (): Promise<Credentials> => {
    const tried: string[] = [];
    for (const step of steps) {
      try {
        const credentials = await step.getCredentials();
        winner = step;
        return credentials;
      } catch (error) {
        if (isSourceNotFound(error)) {
          tried.push(...reasonsOf(error));
          continue;
        }
        throw stopped(error, tried);
      }
    }
    throw new CredentialsError(`No Alibaba Cloud credentials found. Tried: ${tried.join("; ")}`, tried);
  };

  return {
    getCredentials() {
      if (winner) return winner.getCredentials();
      // Concurrent first calls share one walk of the chain (and so one metadata round trip).
      resolving ??= resolve().finally(() => {
        resolving = undefined;
      });
      return resolving;
    },
  };
}

function stopped(error: unknown, tried: readonly string[]): CredentialsError {
  const reasons = error instanceof CredentialsError ? reasonsOf(error) : [`explicit: provider failed (${errorName(error)})`];
  const all = [...tried, ...reasons];
  const earlier = tried.length > 0 ? ` (skipped before it: ${tried.join("; ")})` : "";
  return new CredentialsError(
    `Alibaba Cloud credentials source is misconfigured: ${reasons.join("; ")}${earlier}`,
    all,
    { cause: error },
  );
}

function reasonsOf(error: CredentialsError): readonly string[] {
  return error.tried.length > 0 ? error.tried : [error.message];
}

// Only the name of a foreign error is used: its message is not ours to vouch for and could hold a secret.
function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

function isProvider(value: StaticCredentialsInput | CredentialProvider): value is CredentialProvider {
  return typeof (value as Partial<CredentialProvider>).getCredentials === "function";
}
