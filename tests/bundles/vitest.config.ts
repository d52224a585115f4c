import { defineConfig } from "vitest/config";

// Generous limits: each test bundles with esbuild and starts Node, Deno or Bun processes, which a busy
// machine may make slow; the assertions are on what the processes print, never on how long they took.
export default defineConfig({
  test: { include: ["test/**/*.test.ts"], testTimeout: 180_000, hookTimeout: 180_000 },
});
