import { readEnv } from "./envVar.js";
import { fromCredentialsUri } from "./fromCredentialsUri.js";
import { reloadingProvider } from "./reloadingProvider.js";
import { sourceNotFound } from "./sourceErrors.js";
import type { CredentialSourceOptions } from "./sourceOptions.js";
import type { CredentialProvider } from "./types.js";

/** Options for {@link fromCredentialsUriEnv}. */
export interface FromCredentialsUriEnvOptions extends CredentialSourceOptions {
  /** The URI; defaults to `ALIBABA_CLOUD_CREDENTIALS_URI`. */
  readonly uri?: string | undefined;
}

const VARIABLE = "ALIBABA_CLOUD_CREDENTIALS_URI";

/**
 * The chain's last step: {@link fromCredentialsUri} for the URI in `ALIBABA_CLOUD_CREDENTIALS_URI` (or the
 * `uri` option). Not found when neither is set. The variable is read on every call; the provider (and its
 * cached credentials) is kept while it does not change.
 */
export function fromCredentialsUriEnv(options: FromCredentialsUriEnvOptions = {}): CredentialProvider {
  return reloadingProvider(async () => {
    const uri = options.uri ?? readEnv(options.env ?? process.env, VARIABLE);
    if (uri === undefined) throw sourceNotFound("credentials uri", `${VARIABLE} not set`);
    return { key: uri, build: () => fromCredentialsUri({ ...options, uri }) };
  });
}
