import { CredentialsError } from "../errors/CredentialsError.js";
import { buildCredentials, isNonEmptyString } from "./buildCredentials.js";
import { foreignErrorName, summarizeForeignError } from "./foreignError.js";
import type { CredentialProvider, Credentials } from "./types.js";

/**
 * The part of the official `@alicloud/credentials` client this adapter needs. Fields are optional because
 * the official model declares them so (bearer-token credentials have no key pair).
 */
export interface AlicloudCredentialsClientLike {
  getCredential(): Promise<{
    readonly accessKeyId?: string | undefined;
    readonly accessKeySecret?: string | undefined;
    readonly securityToken?: string | undefined;
  }>;
}

const SOURCE = "alicloud credentials";

/**
 * Adapts a client of the official `@alicloud/credentials` package (duck-typed, so this runtime does not
 * depend on it) to a {@link CredentialProvider}. Calls `getCredential()` every time: the official client
 * caches and refreshes on its own.
 *
 * Failures become {@link CredentialsError}s whose message names only the error class. The original is not
 * kept: the official library puts whole config files and STS response bodies in its messages (secrets
 * included), so the `cause` is a {@link ForeignError} holding only the class name and a syscall code.
 */
export function fromAlicloudCredentials(client: AlicloudCredentialsClientLike): CredentialProvider {
  if (typeof (client as Partial<AlicloudCredentialsClientLike> | null)?.getCredential !== "function") {
    throw new TypeError("fromAlicloudCredentials: expected an object with a getCredential() method");
  }
  return {
    async getCredentials(): Promise<Credentials> {
      let model: Awaited<ReturnType<AlicloudCredentialsClientLike["getCredential"]>>;
      try {
        model = await client.getCredential();
      } catch (error) {
        const line = `${SOURCE}: getCredential() failed (${foreignErrorName(error)})`;
        throw new CredentialsError(line, [line], { cause: summarizeForeignError(error) });
      }
      const missing = (["accessKeyId", "accessKeySecret"] as const).filter((k) => !isNonEmptyString(model?.[k]));
      if (missing.length > 0) {
        const line = `${SOURCE}: getCredential() returned no ${missing.join(", ")} (bearer-token credentials are not supported)`;
        throw new CredentialsError(line, [line]);
      }
      return buildCredentials({
        accessKeyId: model.accessKeyId!,
        accessKeySecret: model.accessKeySecret!,
        securityToken: isNonEmptyString(model.securityToken) ? model.securityToken : undefined,
      });
    },
  };
}
