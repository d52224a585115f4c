import { readOptionalFile } from "../readOptionalFile.js";
import { sourceBroken } from "../sourceErrors.js";
import type { CredentialProvider } from "../types.js";
import { type RoleProviderOptions, roleSessionProvider } from "./roleSession.js";

/** Options for {@link fromOidcRoleArn}. The label defaults to `oidc role arn`. */
export interface FromOidcRoleArnOptions extends RoleProviderOptions {
  /** `acs:ram::<account>:oidc-provider/<name>`. */
  readonly oidcProviderArn: string;
  /** File holding the OIDC token (on ACK with RRSA, the projected service-account token). Re-read on every refresh. */
  readonly oidcTokenFile: string;
}

/**
 * Temporary credentials of a RAM role, from STS `AssumeRoleWithOIDC`: the OIDC token in `oidcTokenFile`
 * is the proof, so the call is anonymous (no key signs it). This is how pods on ACK use RRSA.
 * Cached and refreshed before expiry; the token file is read again for every refresh, since the token rotates.
 *
 * Failures (token file missing or empty, STS refusing) reject with a {@link CredentialsError} that never
 * contains the token.
 */
export function fromOidcRoleArn(options: FromOidcRoleArnOptions): CredentialProvider {
  return roleSessionProvider(options, "AssumeRoleWithOIDC", "oidc role arn", async (label) => ({
    credentials: undefined,
    extraParams: [
      ["OIDCProviderArn", options.oidcProviderArn],
      ["OIDCToken", await readToken(options.oidcTokenFile, label)],
    ],
  }));
}

async function readToken(path: string, source: string): Promise<string> {
  const file = await readOptionalFile(path);
  if (file.kind === "missing") throw sourceBroken(source, `OIDC token file ${path} not found`);
  if (file.kind === "unreadable") throw sourceBroken(source, `OIDC token file ${path} cannot be read (${file.code})`);
  const token = file.text.trim();
  if (token === "") throw sourceBroken(source, `OIDC token file ${path} is empty`);
  return token;
}
