import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // Generated operation packages, imported by file in the differential and contract suites, import the
  // runtime by name: resolve it to these sources (not a possibly stale dist/), one copy with the code under test.
  resolve: { alias: { "@acs-modular/runtime": fileURLToPath(new URL("./src/index.ts", import.meta.url)) } },
  test: { include: ["src/**/*.test.ts", "test/**/*.test.ts"] },
});
