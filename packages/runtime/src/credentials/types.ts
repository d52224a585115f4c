/** A set of Alibaba Cloud credentials, as a provider returns them. */
export interface Credentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** STS token for temporary credentials; sent as `x-acs-security-token`. */
  readonly securityToken?: string;
  /** When temporary credentials stop working; absent for long-lived keys. */
  readonly expiration?: Date;
}

/** Anything that can produce credentials; called once per request attempt, so implementations cache. */
export interface CredentialProvider {
  getCredentials(): Promise<Credentials>;
}
