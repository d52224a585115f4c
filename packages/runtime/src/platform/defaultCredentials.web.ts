// Portable build (Cloudflare Workers, browsers): no file system, no processes and no instance metadata, so of
// the official chain only the environment remains, where the runtime has one (Workers with nodejs_compat fill
// `process.env` from vars and secrets). Nothing else is imported: a bundle for the edge carries no file source.
import type { DefaultCredentialProviderOptions } from "../credentials/defaultChain.js";
import type { Env } from "../credentials/envVar.js";
import { emitCredentialsEvent } from "../credentials/events.js";
import { foreignErrorName } from "../credentials/foreignError.js";
import { fromEnv } from "../credentials/fromEnv.js";
import { isSourceNotFound } from "../credentials/sourceErrors.js";
import type { CredentialProvider } from "../credentials/types.js";
import { CredentialsError } from "../errors/CredentialsError.js";

/** @internal */
export const EDGE_CREDENTIALS_HINT =
  "this runtime has no file system, processes or instance metadata for the rest of the default chain (CLI profile, credentials file, " +
  "ECS RAM role, credentials URI): pass credentials explicitly, new AcsClient({ region, credentials: { accessKeyId, accessKeySecret } }), " +
  "or a provider such as fromRamRoleArn(...)";

function processEnv(): Env | undefined {
  return (globalThis as { process?: { env?: Env } }).process?.env;
}

/** The provider of a client given no `credentials`: the environment, else a CredentialsError saying what to do. @internal */
export function defaultCredentials(options: DefaultCredentialProviderOptions = {}): CredentialProvider {
  const env = options.env ?? processEnv();
  const environment = env === undefined ? undefined : fromEnv({ env });
  return {
    async getCredentials() {
      const tried: string[] = [];
      if (environment === undefined) {
        tried.push("env: no environment on this runtime");
      } else {
        try {
          const credentials = await environment.getCredentials();
          emitCredentialsEvent(options.onEvent, { type: "credentials-source-selected", source: "env", skipped: [] });
          return credentials;
        } catch (error) {
          if (isSourceNotFound(error)) tried.push(...error.tried);
          // Not a CredentialsError: the runtime refused to show its environment (Deno without --allow-env
          // throws NotCapable), which for this chain means there is none to read.
          else if (!(error instanceof CredentialsError)) tried.push(`env: not readable on this runtime (${foreignErrorName(error)})`);
          else throw error;
        }
      }
      throw new CredentialsError(`No Alibaba Cloud credentials found (tried ${tried.join("; ")}); ${EDGE_CREDENTIALS_HINT}`, [...tried, `default chain: ${EDGE_CREDENTIALS_HINT}`]);
    },
  };
}
