import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // Generated packages are imported from their source; their runtime import resolves to the workspace runtime's
  // source too, so our client and every generated operation share one runtime instance.
  resolve: { alias: { "@acs-modular/runtime": fileURLToPath(new URL("../../packages/runtime/src/index.ts", import.meta.url)) } },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // The per-product loops send thousands of requests on a busy machine: generous limits, never a race.
    testTimeout: 900_000,
    hookTimeout: 300_000,
  },
});
