import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // Whole-product tests import packages they generate into a temporary folder, which has no node_modules:
  // their runtime import resolves to the workspace runtime's source.
  resolve: { alias: { "@acs-modular/runtime": fileURLToPath(new URL("../packages/runtime/src/index.ts", import.meta.url)) } },
  // test/scenarios/*/expected holds generated trees (snapshots), including their contract.test.ts: data, not tests.
  test: { include: ["src/**/*.test.ts", "test/**/*.test.ts"], exclude: ["test/scenarios/**", "**/node_modules/**"], testTimeout: 60_000 },
});
