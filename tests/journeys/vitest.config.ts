import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // The generated packages are imported from their sources; their runtime import resolves to the runtime's.
  resolve: { alias: { "@acs-modular/runtime": fileURLToPath(new URL("../../packages/runtime/src/index.ts", import.meta.url)) } },
  test: { include: ["test/**/*.test.ts"], testTimeout: 60_000 },
});
