#!/usr/bin/env node
import { resolve } from "node:path";
import { Command } from "commander";
import { generate } from "./generate.js";
import { SpecError } from "./spec/SpecError.js";
import { GENERATOR_VERSION } from "./version.js";

const program = new Command("acs-gen").version(GENERATOR_VERSION).description("Generate one npm package per Alibaba Cloud API operation from specs/.");

program
  .command("generate")
  .description("validate specs/ and (re)generate packages/<product>/<operation>")
  .option("--check", "write nothing; exit 1 when the committed packages differ from what the specs generate")
  .option("--root <dir>", "repository root", process.cwd())
  .option("--specs <dir>", "spec folder (default <root>/specs)")
  .action(async (opts: { check?: boolean; root: string; specs?: string }) => {
    const rootDir = resolve(opts.root);
    const started = Date.now();
    const result = await generate({ rootDir, check: opts.check ?? false, ...(opts.specs ? { specsDir: resolve(opts.specs) } : {}) });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (opts.check) {
      const problems = [
        ...result.changed.map((f) => `differs from its spec: ${f}`),
        ...result.stale.map((f) => `not produced by any spec: ${f}`),
        ...result.orphans.map((d) => `orphaned package (spec deleted): ${d}`),
      ];
      if (problems.length > 0) {
        for (const p of problems) console.error(p);
        console.error(`generate --check: ${problems.length} problem(s); run \`pnpm generate\` and commit the result.`);
        process.exitCode = 1;
        return;
      }
      console.log(`generate --check: ${result.models.length} packages match their specs (${seconds} s).`);
      return;
    }
    for (const d of result.orphans) console.log(`removed orphaned package ${d} (its spec was deleted; deprecate it on npm)`);
    console.log(`generated ${result.models.length} packages, ${result.changed.length} files changed, ${result.stale.length} stale files removed (${seconds} s).`);
  });

program.parseAsync().catch((error: unknown) => {
  if (error instanceof SpecError) {
    console.error(`invalid spec: ${error.message}`);
  } else {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  process.exitCode = 1;
});
