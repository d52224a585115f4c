import { defineConfig } from "vitest/config";

export default defineConfig({
  // One release, step by step: generous limits (a busy 2-core machine), never a race; the hooks set their own.
  test: { include: ["src/**/*.test.ts", "test/**/*.test.ts"], testTimeout: 20 * 60_000, hookTimeout: 40 * 60_000 },
});
