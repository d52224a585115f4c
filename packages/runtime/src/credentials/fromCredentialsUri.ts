import { parseServiceUrl, safeUrl, sendCredentialRequest } from "./http/sendCredentialRequest.js";
import { sourceBroken } from "./sourceErrors.js";
import { type CredentialSourceOptions, refreshingSource } from "./sourceOptions.js";
import { expectSuccessCode, parseJsonObject, temporaryCredentialsFrom } from "./temporaryCredentials.js";
import type { CredentialProvider, Credentials } from "./types.js";

/** Options for {@link fromCredentialsUri}. */
export interface FromCredentialsUriOptions extends CredentialSourceOptions {
  /** An `http://` or `https://` URL answering with credentials (see {@link fromCredentialsUri}). */
  readonly uri: string;
  /** Default 5 000 ms. */
  readonly connectTimeoutMs?: number | undefined;
  /** Default 10 000 ms. */
  readonly readTimeoutMs?: number | undefined;
  /** Names this source in errors and events; default `credentials uri`. */
  readonly label?: string | undefined;
}

/**
 * Temporary credentials served by a URL (`ALIBABA_CLOUD_CREDENTIALS_URI`, the CLI's `CredentialsURI` mode):
 * a GET answered 200 with `{ "Code": "Success", "AccessKeyId", "AccessKeySecret", "SecurityToken",
 * "Expiration" }`, the format the official tools document. `Code` may be absent (the official Node client does
 * not require it); when present it must be `Success`. Cached and refreshed before expiry.
 *
 * Errors name the URL without its query string, which may hold a token.
 */
export function fromCredentialsUri(options: FromCredentialsUriOptions): CredentialProvider {
  return refreshingSource(options, "credentials uri", (label) => fetchFromUri(options, label));
}

async function fetchFromUri(options: FromCredentialsUriOptions, source: string): Promise<Credentials> {
  const target = parseServiceUrl(options.uri);
  const where = safeUrl(options.uri);
  if (!target) throw sourceBroken(source, `${where}: not an http(s) URL`);
  const response = await sendCredentialRequest(
    { method: "GET", ...target, headers: { accept: "application/json" } },
    { connectTimeoutMs: options.connectTimeoutMs ?? 5_000, readTimeoutMs: options.readTimeoutMs ?? 10_000 },
    options.transport,
  );
  if (response.kind === "unreachable") throw sourceBroken(source, `${where} ${response.reason}`);
  if (response.status !== 200) throw sourceBroken(source, `${where}: HTTP ${response.status}`);
  const data = parseJsonObject(response.body, source, where);
  expectSuccessCode(data, source, where, true);
  return temporaryCredentialsFrom(data, source, where);
}
