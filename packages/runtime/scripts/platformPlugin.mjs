// The esbuild plugin behind the runtime's portable build (dist/web/): the build for runtimes without Node's
// built-in modules (Cloudflare Workers, browsers, any bundle made with --platform=neutral or browser).
//
//   - A module under src/platform/ with a `<name>.web.ts` sibling is replaced by it: Web Crypto for node:crypto,
//     fetch for node:http, the environment-only credentials chain for the file-reading one.
//   - A lazy `import("node:…")` (node:https in nodeHttpTransport, node:fs in the file sources) becomes a module
//     whose import rejects with a clear error, so such code fails when called, not when the runtime is loaded.
//   - A static `node:` import anywhere is a build error naming the file: it would make the whole build unusable
//     where the module does not exist.
import { existsSync } from "node:fs";
import { resolve, sep } from "node:path";

const UNAVAILABLE = "acs-node-builtin-unavailable";

/** @returns {import("esbuild").Plugin} */
export function platformPlugin() {
  return {
    name: "acs-modular-portable-platform",
    setup(build) {
      build.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (args) => {
        const source = resolve(args.resolveDir, args.path.replace(/\.js$/, ".ts"));
        if (!source.includes(`${sep}platform${sep}`)) return undefined;
        const web = source.replace(/\.ts$/, ".web.ts");
        return existsSync(web) ? { path: web } : undefined;
      });
      build.onResolve({ filter: /^node:/ }, (args) => {
        if (args.kind === "dynamic-import") return { path: args.path, namespace: UNAVAILABLE };
        return { errors: [{ text: `static import of ${args.path} in ${args.importer}: the portable build must load it lazily or use a src/platform/*.web.ts variant` }] };
      });
      build.onLoad({ filter: /.*/, namespace: UNAVAILABLE }, (args) => ({
        loader: "js",
        contents: `throw Object.assign(new Error(${JSON.stringify(`${args.path} is not available on this runtime (the portable build of @acs-modular/runtime has fetch and Web Crypto only): this code needs Node.js`)}), { code: "ERR_ACS_NODE_BUILTIN_UNAVAILABLE" });\nexport {};\n`,
      }));
    },
  };
}
