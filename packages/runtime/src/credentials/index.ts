// Public surface of the credentials module. Explicit names, so nothing internal leaks by accident.
export type { CredentialProvider, Credentials } from "./types.js";
export { fromStatic, type StaticCredentialsInput } from "./staticCredentials.js";
export { fromEnv, type FromEnvOptions } from "./fromEnv.js";
export { fromCliProfile, type FromCliProfileOptions } from "./fromCliProfile.js";
export { fromIniFile, type FromIniFileOptions } from "./fromIniFile.js";
export { fromEcsRamRole, type FromEcsRamRoleOptions } from "./fromEcsRamRole.js";
export { cachedProvider, DEFAULT_REFRESH_MARGIN_MS, type CachedProviderOptions } from "./cachedProvider.js";
export { defaultCredentialProvider, type DefaultCredentialProviderOptions } from "./defaultChain.js";
export { fromAlicloudCredentials, type AlicloudCredentialsClientLike } from "./fromAlicloudCredentials.js";
export { describeCredentials, maskAccessKeyId } from "./redact.js";
export type { Env } from "./envVar.js";
