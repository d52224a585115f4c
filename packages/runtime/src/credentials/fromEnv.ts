import { buildCredentials } from "./buildCredentials.js";
import { type Env, readEnv } from "./envVar.js";
import { sourceBroken, sourceNotFound } from "./sourceErrors.js";
import type { CredentialProvider } from "./types.js";

/** Options for {@link fromEnv}. */
export interface FromEnvOptions {
  /** Environment to read; defaults to `process.env`. */
  readonly env?: Env;
}

const ID = "ALIBABA_CLOUD_ACCESS_KEY_ID";
const SECRET = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
const TOKEN = "ALIBABA_CLOUD_SECURITY_TOKEN";

/**
 * Credentials from `ALIBABA_CLOUD_ACCESS_KEY_ID`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET` and the optional
 * `ALIBABA_CLOUD_SECURITY_TOKEN`. Read on every call (it is cheap) so rotated variables are picked up.
 *
 * None set: rejects as "not found" (a chain moves on). Only some set: rejects as broken, because a half-set
 * environment is a mistake the user should hear about, not a reason to try other sources.
 */
export function fromEnv(options: FromEnvOptions = {}): CredentialProvider {
  return {
    async getCredentials() {
      const env = options.env ?? process.env;
      const accessKeyId = readEnv(env, ID);
      const accessKeySecret = readEnv(env, SECRET);
      const securityToken = readEnv(env, TOKEN);
      if (!accessKeyId && !accessKeySecret && !securityToken) throw sourceNotFound("env", `${ID} not set`);
      if (!accessKeyId) throw sourceBroken("env", `${SECRET} or ${TOKEN} is set but ${ID} is not`);
      if (!accessKeySecret) throw sourceBroken("env", `${ID} is set but ${SECRET} is not`);
      return buildCredentials({ accessKeyId, accessKeySecret, securityToken });
    },
  };
}
