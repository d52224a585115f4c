import { CredentialsError } from "../errors/CredentialsError.js";
import { definedOnly } from "./definedOnly.js";
import { type CredentialsEventHook, emitCredentialsEvent } from "./events.js";
import { foreignErrorName, summarizeForeignError } from "./foreignError.js";
import { fromCliProfile } from "./fromCliProfile.js";
import { fromCredentialsUriEnv } from "./fromCredentialsUriEnv.js";
import { fromEcsRamRole, type FromEcsRamRoleOptions } from "./fromEcsRamRole.js";
import { fromEnv } from "./fromEnv.js";
import { fromIniFile } from "./fromIniFile.js";
import { fromOidcEnv } from "./fromOidcEnv.js";
import { sharedSourceOptions } from "./profileSourceOptions.js";
import type { CredentialSourceOptions } from "./sourceOptions.js";
import { isSourceNotFound } from "./sourceErrors.js";
import { fromStatic, type StaticCredentialsInput } from "./staticCredentials.js";
import type { StsOptions } from "./sts/stsEndpoint.js";
import type { CredentialProvider, Credentials } from "./types.js";

/** Options for {@link defaultCredentialProvider}. Every input is injectable so tests never see the real machine. */
export interface DefaultCredentialProviderOptions extends CredentialSourceOptions {
  /** Explicit credentials or provider. When given, it is the only source: no silent fallback to others. */
  readonly credentials?: StaticCredentialsInput | CredentialProvider | undefined;
  /** Profile for the CLI config and the ini file; defaults to `ALIBABA_CLOUD_PROFILE`. */
  readonly profile?: string | undefined;
  /** Home directory for the file sources; defaults to `os.homedir()`. */
  readonly homedir?: string | undefined;
  /** Overrides `ALIBABA_CLOUD_CONFIG_FILE` and `~/.aliyun/config.json`. */
  readonly cliConfigPath?: string | undefined;
  /** Overrides `ALIBABA_CLOUD_CREDENTIALS_FILE` and `~/.alibabacloud/credentials`. */
  readonly credentialsFilePath?: string | undefined;
  /**
   * ECS metadata settings: base URL (default `http://100.100.100.200`), timeout, `disableImdsV1`, role name.
   * The URL, timeout and IMDSv1 switch also apply to CLI and ini profiles of ECS RAM role mode.
   */
  readonly ecs?: Omit<FromEcsRamRoleOptions, "env" | "label"> | undefined;
  /** Where STS is for every source that assumes a role (a profile's own `sts_endpoint`/`sts_region` wins). */
  readonly sts?: StsOptions | undefined;
  /** Credentials URI, the last source; defaults to `ALIBABA_CLOUD_CREDENTIALS_URI`. */
  readonly credentialsUri?: string | undefined;
}

/**
 * The provider clients use when none is configured: the official Alibaba Cloud chain, in its order.
 *
 * 1. explicit `credentials` (then the only source);
 * 2. environment: `ALIBABA_CLOUD_ACCESS_KEY_ID`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET`, `ALIBABA_CLOUD_SECURITY_TOKEN`;
 * 3. OIDC role from the environment (ACK RRSA): `ALIBABA_CLOUD_ROLE_ARN`, `ALIBABA_CLOUD_OIDC_PROVIDER_ARN`,
 *    `ALIBABA_CLOUD_OIDC_TOKEN_FILE`;
 * 4. Alibaba Cloud CLI profile (`ALIBABA_CLOUD_CONFIG_FILE` or `~/.aliyun/config.json`), every mode;
 * 5. shared ini file (`ALIBABA_CLOUD_CREDENTIALS_FILE` or `~/.alibabacloud/credentials`), every type;
 * 6. ECS instance RAM role (IMDSv2, falling back to IMDSv1 unless `ALIBABA_CLOUD_IMDSV1_DISABLED=true`);
 * 7. credentials URI (`ALIBABA_CLOUD_CREDENTIALS_URI`).
 *
 * - The first source that yields credentials wins and is remembered (a `credentials-source-selected` event
 *   says which): later calls go straight to it. Temporary credentials are cached and refreshed by that
 *   source without storms (see {@link cachedProvider}).
 * - A source that is simply absent is skipped. A source that is present but broken (malformed JSON, a
 *   profile missing a key, half-set variables, explicit credentials that are empty, STS refusing a role)
 *   stops the chain with its own error: falling through would quietly sign with some other identity, and the
 *   typo would only surface as a confusing permission error later. (The official chain falls through.)
 * - If every source is absent, one {@link CredentialsError} lists each source and why, e.g.
 *   `env: ALIBABA_CLOUD_ACCESS_KEY_ID not set; oidc env: ALIBABA_CLOUD_OIDC_PROVIDER_ARN not set; ...`.
 *   Nothing is remembered then, so a later call tries again (the metadata service may have been slow).
 */
export function defaultCredentialProvider(options: DefaultCredentialProviderOptions = {}): CredentialProvider {
  return chain(buildSteps(options), options.onEvent);
}

interface Step {
  readonly name: string;
  readonly provider: CredentialProvider;
}

function buildSteps(options: DefaultCredentialProviderOptions): Step[] {
  if (options.credentials !== undefined) {
    const explicit = options.credentials;
    return [{ name: "explicit", provider: isProvider(explicit) ? explicit : fromStatic(explicit) }];
  }
  const shared = sharedSourceOptions(options);
  const ecs = options.ecs ?? {};
  const files = {
    ...shared,
    ...definedOnly({ homedir: options.homedir, profile: options.profile, sts: options.sts }),
    ecs: definedOnly({ baseUrl: ecs.baseUrl, timeoutMs: ecs.timeoutMs, disableImdsV1: ecs.disableImdsV1 }),
  };
  return [
    { name: "env", provider: fromEnv(definedOnly({ env: options.env })) },
    { name: "oidc env", provider: fromOidcEnv({ ...shared, ...definedOnly({ sts: options.sts }) }) },
    { name: "cli profile", provider: fromCliProfile({ ...files, ...definedOnly({ path: options.cliConfigPath }) }) },
    { name: "ini file", provider: fromIniFile({ ...files, ...definedOnly({ path: options.credentialsFilePath }) }) },
    { name: "ecs ram role", provider: fromEcsRamRole({ ...shared, ...ecs }) },
    { name: "credentials uri", provider: fromCredentialsUriEnv({ ...shared, ...definedOnly({ uri: options.credentialsUri }) }) },
  ];
}

function chain(steps: readonly Step[], onEvent: CredentialsEventHook | undefined): CredentialProvider {
  let winner: CredentialProvider | undefined;
  let resolving: Promise<Credentials> | undefined;

  const resolve = async (): Promise<Credentials> => {
    const tried: string[] = [];
    for (const step of steps) {
      try {
        const credentials = await step.provider.getCredentials();
        winner = step.provider;
        emitCredentialsEvent(onEvent, { type: "credentials-source-selected", source: step.name, skipped: tried });
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
  const ours = error instanceof CredentialsError;
  const reasons = ours ? reasonsOf(error) : [`explicit: provider failed (${foreignErrorName(error)})`];
  const all = [...tried, ...reasons];
  const earlier = tried.length > 0 ? ` (skipped before it: ${tried.join("; ")})` : "";
  return new CredentialsError(
    `Alibaba Cloud credentials source is misconfigured: ${reasons.join("; ")}${earlier}`,
    all,
    // A foreign provider's error is summarised, not kept: its message could hold a secret.
    { cause: ours ? error : summarizeForeignError(error) },
  );
}

function reasonsOf(error: CredentialsError): readonly string[] {
  return error.tried.length > 0 ? error.tried : [error.message];
}

function isProvider(value: StaticCredentialsInput | CredentialProvider): value is CredentialProvider {
  return typeof (value as Partial<CredentialProvider>).getCredentials === "function";
}
