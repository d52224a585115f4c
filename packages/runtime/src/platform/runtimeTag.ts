interface RuntimeGlobals {
  readonly process?: { readonly versions?: Readonly<Record<string, string | undefined>> };
  readonly Deno?: { readonly version?: { readonly deno?: string } };
  readonly navigator?: { readonly userAgent?: string };
}

/**
 * The JavaScript runtime, as a User-Agent product token: `node/20.11.0`, `bun/1.1.0`, `deno/2.1.0`,
 * `workerd` (Cloudflare Workers), else `js`. Read from globals only, so it runs anywhere; Bun and Deno come
 * first because they also report a Node version.
 * @internal
 */
export function runtimeTag(globals: RuntimeGlobals = globalThis as RuntimeGlobals): string {
  const versions = globals.process?.versions;
  if (versions?.["bun"]) return `bun/${versions["bun"]}`;
  const deno = globals.Deno?.version?.deno;
  if (deno) return `deno/${deno}`;
  if (versions?.["node"]) return `node/${versions["node"]}`;
  if (globals.navigator?.userAgent === "Cloudflare-Workers") return "workerd";
  return "js";
}
