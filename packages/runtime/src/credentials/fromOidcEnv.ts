import { readEnv } from "./envVar.js";
import { type ProfileSourceOptions, sharedSourceOptions } from "./profileSourceOptions.js";
import { reloadingProvider } from "./reloadingProvider.js";
import { sourceBroken, sourceNotFound } from "./sourceErrors.js";
import { fromOidcRoleArn } from "./sts/fromOidcRoleArn.js";
import type { CredentialProvider } from "./types.js";

/** Options for {@link fromOidcEnv}: where STS is (`sts`), plus the shared source settings. */
export type FromOidcEnvOptions = Omit<ProfileSourceOptions, "ecs">;

const SOURCE = "oidc env";
const ROLE_ARN = "ALIBABA_CLOUD_ROLE_ARN";
const PROVIDER_ARN = "ALIBABA_CLOUD_OIDC_PROVIDER_ARN";
const TOKEN_FILE = "ALIBABA_CLOUD_OIDC_TOKEN_FILE";
const SESSION_NAME = "ALIBABA_CLOUD_ROLE_SESSION_NAME";

/**
 * A RAM role assumed with an OIDC token, configured by the variables ACK injects for RRSA:
 * `ALIBABA_CLOUD_ROLE_ARN`, `ALIBABA_CLOUD_OIDC_PROVIDER_ARN`, `ALIBABA_CLOUD_OIDC_TOKEN_FILE`, and optionally
 * `ALIBABA_CLOUD_ROLE_SESSION_NAME`; STS is located by `ALIBABA_CLOUD_STS_REGION` /
 * `ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED` unless `sts` says otherwise. See {@link fromOidcRoleArn}.
 *
 * Not found (a chain moves on): neither the provider ARN nor the token file is set (`ALIBABA_CLOUD_ROLE_ARN`
 * alone does not count: other tools read it too). Broken (a chain stops): one of the three is missing while
 * another is set — the official chain silently skips this case; we report it, as for half-set AccessKey
 * variables. The variables are read on every call; the provider is kept while they do not change.
 */
export function fromOidcEnv(options: FromOidcEnvOptions = {}): CredentialProvider {
  return reloadingProvider(async () => {
    const env = options.env ?? process.env;
    const roleArn = readEnv(env, ROLE_ARN);
    const oidcProviderArn = readEnv(env, PROVIDER_ARN);
    const oidcTokenFile = readEnv(env, TOKEN_FILE);
    if (oidcProviderArn === undefined && oidcTokenFile === undefined) throw sourceNotFound(SOURCE, `${PROVIDER_ARN} not set`);
    const missing = [
      [ROLE_ARN, roleArn],
      [PROVIDER_ARN, oidcProviderArn],
      [TOKEN_FILE, oidcTokenFile],
    ].filter(([, value]) => value === undefined);
    if (missing.length > 0) throw sourceBroken(SOURCE, `${missing.map(([name]) => name).join(" and ")} not set, but other OIDC variables are`);
    const roleSessionName = readEnv(env, SESSION_NAME);
    return {
      key: JSON.stringify([roleArn, oidcProviderArn, oidcTokenFile, roleSessionName]),
      build: () =>
        fromOidcRoleArn({
          ...sharedSourceOptions(options),
          roleArn: roleArn!,
          oidcProviderArn: oidcProviderArn!,
          oidcTokenFile: oidcTokenFile!,
          roleSessionName,
          sts: options.sts,
          label: SOURCE,
        }),
    };
  });
}
