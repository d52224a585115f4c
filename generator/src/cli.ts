#!/usr/bin/env node
import { resolve } from "node:path";
import { Command } from "commander";
import { generate } from "./generate.js";
import { deprecationNotice } from "./changesets/deprecation.js";
import { diffSpecDirs } from "./diff/diffSpecs.js";
import { formatDiff } from "./diff/formatDiff.js";
import { formatIssues } from "./import/ImportReport.js";
import { convertApiDocs, readApiDocs, writeImportedSpecs } from "./import/importApiDocs.js";
import { SpecError } from "./spec/SpecError.js";
import { GENERATOR_VERSION } from "./version.js";

const program = new Command("acs-gen").version(GENERATOR_VERSION).description("Generate one npm package per Alibaba Cloud API operation from specs/.");

program
  .command("generate")
  .description("validate specs/ and (re)generate packages/<product>/<operation>")
  .option("--check", "write nothing; exit 1 when the committed packages differ from what the specs generate")
  .option("--root <dir>", "repository root", process.cwd())
  .option("--specs <dir>", "spec folder (default <root>/specs)")
  .option("--changesets-from <dir>", "old specs folder to diff against for .changeset files (default: the specs at git HEAD)")
  .option("--no-changesets", "do not write .changeset files")
  .action(async (opts: { check?: boolean; root: string; specs?: string; changesets: boolean; changesetsFrom?: string }) => {
    const rootDir = resolve(opts.root);
    const started = Date.now();
    const changesets = opts.changesets ? { changesets: opts.changesetsFrom ? { baselineSpecsDir: resolve(opts.changesetsFrom) } : {} } : {};
    const result = await generate({ rootDir, check: opts.check ?? false, ...(opts.specs ? { specsDir: resolve(opts.specs) } : {}), ...changesets });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (opts.check) {
      const problems = [
        ...result.changed.map((f) => `differs from its spec: ${f}`),
        ...result.stale.map((f) => `not produced by any spec: ${f}`),
        ...result.orphans.map((d) => `orphaned package (spec deleted): ${d}`),
        ...result.fixtures.missing.map((f) => `missing spec-example fixture: ${f}`),
        ...result.fixtures.problems.map((p) => `fixture no longer fits its spec: ${p.file}: ${p.reason}`),
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
    for (const d of result.orphans) console.log(deprecationNotice(d));
    if (result.changesets) {
      const c = result.changesets;
      if (!c.compared) console.log(`changesets: none written, no baseline (${c.baseline} is not available); use --changesets-from <old specs>.`);
      else console.log(`changesets (baseline ${c.baseline}): ${c.files.length} for changed packages${c.removed.length ? `, ${c.removed.length} stale removed` : ""}.`);
      for (const f of c.files) console.log(`  ${f}`);
    }
    for (const p of result.fixtures.problems) console.error(`fixture no longer fits its spec (re-record or delete it): ${p.file}: ${p.reason}`);
    if (result.fixtures.written.length > 0) console.log(`wrote ${result.fixtures.written.length} missing spec-example fixtures.`);
    console.log(`generated ${result.models.length} packages, ${result.changed.length} files changed, ${result.stale.length} stale files removed (${seconds} s).`);
  });

program
  .command("import")
  .description("convert Alibaba Cloud api-docs metadata into specs/<code>/<version>/ (reports what it cannot map)")
  .requiredOption("--from <file|url>", "api-docs.json: a local file, or an https URL")
  .requiredOption("--product <code>", "lower-case product code: the spec folder and npm name prefix (nas)")
  .option("--out <dir>", "spec folder to write into", "specs")
  .option("--title <title>", "product title for docs (default: the product name)")
  .action(async (opts: { from: string; product: string; out: string; title?: string }) => {
    const docs = await readApiDocs(opts.from);
    const result = convertApiDocs(docs, { code: opts.product, ...(opts.title ? { title: opts.title } : {}) });
    const source = /^https?:/.test(opts.from) ? opts.from : opts.from.split(/[\\/]/).pop()!;
    const written = writeImportedSpecs(resolve(opts.out), result, source);
    for (const line of formatIssues(result.issues)) console.log(`not mapped as-is: ${line}`);
    console.log(`imported ${result.operations.size} operations of ${result.product.product} ${result.product.version} into ${opts.out} (${written.length} files, ${result.issues.length} report lines).`);
  });

program
  .command("diff")
  .description("compare two spec trees operation by operation: breaking → major, additive → minor, docs → patch")
  .argument("<old>", "old spec folder (laid out like specs/)")
  .argument("<new>", "new spec folder")
  .option("--json", "print JSON instead of the report")
  .option("--requests-only", "the new specs come from request-only metadata: compare requests, not responses or docs")
  .action((oldDir: string, newDir: string, opts: { json?: boolean; requestsOnly?: boolean }) => {
    const diff = diffSpecDirs(resolve(oldDir), resolve(newDir), { requestsOnly: opts.requestsOnly ?? false });
    console.log(opts.json ? JSON.stringify(diff, null, 2) : formatDiff(diff));
  });

program.parseAsync().catch((error: unknown) => {
  if (error instanceof SpecError) {
    console.error(`invalid spec: ${error.message}`);
  } else {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  process.exitCode = 1;
});
