import type { Credentials } from "./types.js";

/**
 * Masks an AccessKey ID for logs, keeping its last 4 characters (enough to tell keys apart, as the console
 * does). IDs shorter than 8 are masked entirely, since 4 characters would be most of them. The mask has a
 * fixed width so it does not reveal the length.
 */
export function maskAccessKeyId(accessKeyId: string): string {
  return accessKeyId.length < 8 ? "****" : `****${accessKeyId.slice(-4)}`;
}

/**
 * A one-line, log-safe description: masked AccessKey ID, whether an STS token is present, and expiry.
 * Never includes the secret or the token.
 *
 * @example describeCredentials(c) // "accessKeyId=****WXYZ securityToken=present expiration=2030-01-01T00:00:00.000Z"
 */
export function describeCredentials(credentials: Credentials): string {
  const expiration = credentials.expiration ? credentials.expiration.toISOString() : "none";
  const token = credentials.securityToken ? "present" : "absent";
  return `accessKeyId=${maskAccessKeyId(credentials.accessKeyId)} securityToken=${token} expiration=${expiration}`;
}
