// Node build: the official chain, files and processes included. The portable build uses defaultCredentials.web.ts.
import { defaultCredentialProvider, type DefaultCredentialProviderOptions } from "../credentials/defaultChain.js";
import type { CredentialProvider } from "../credentials/types.js";

/** The provider of a client given no `credentials`. @internal */
export const defaultCredentials: (options?: DefaultCredentialProviderOptions) => CredentialProvider = defaultCredentialProvider;
