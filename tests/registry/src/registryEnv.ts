// The environment of every child process of the release: the test's own, minus every npm/pnpm setting it
// inherited (under `pnpm test` that includes pnpm's registry settings), plus the throw-away registry.
// Both spellings of the registry variable are set: npm reads either, but changesets reads only the
// lower-case `npm_config_registry` and, without it, asks registry.npmjs.org which versions exist.
import { join } from "node:path";
import type { Registry } from "./verdaccio.js";

export function registryEnv(registry: Registry, scratch: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm|pnpm)_config_/i.test(key) && !/^npm_(lifecycle|package|execpath|command)/i.test(key)) env[key] = value;
  }
  return {
    ...env,
    NPM_CONFIG_REGISTRY: registry.url,
    npm_config_registry: registry.url,
    // The user config holds the token; ~/.npmrc is not read, so no other registry's credentials are either.
    NPM_CONFIG_USERCONFIG: registry.npmrc,
    npm_config_userconfig: registry.npmrc,
    NPM_CONFIG_CACHE: join(scratch, "npm-cache"),
    NPM_CONFIG_AUDIT: "false",
    NPM_CONFIG_FUND: "false",
    NPM_CONFIG_UPDATE_NOTIFIER: "false",
    GIT_AUTHOR_NAME: "Registry Test",
    GIT_AUTHOR_EMAIL: "registry-test@127.0.0.1",
    GIT_COMMITTER_NAME: "Registry Test",
    GIT_COMMITTER_EMAIL: "registry-test@127.0.0.1",
  };
}
