import type { CredentialProvider } from "./types.js";

/** What a reloading source found on one call: a key for what it read, and how to build its provider. */
export interface LoadedSource {
  readonly key: string;
  readonly build: () => CredentialProvider;
}

/**
 * A provider that runs `load` on every call (a file source re-reads its file, so a rotated key is picked
 * up) but rebuilds the provider only when the key changed. Rebuilding each time would throw away a
 * refreshing provider's cached STS credentials and ask STS on every request. File sources key by the file's
 * text and the profile name, so the provider is rebuilt exactly when what it was built from changed.
 * A `load` or `build` that throws is not remembered.
 */
export function reloadingProvider(load: () => Promise<LoadedSource>): CredentialProvider {
  let lastKey: string | undefined;
  let last: CredentialProvider | undefined;
  return {
    async getCredentials() {
      const { key, build } = await load();
      if (!last || key !== lastKey) {
        last = build();
        lastKey = key;
      }
      return last.getCredentials();
    },
  };
}
