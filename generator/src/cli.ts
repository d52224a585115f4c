#!/usr/bin/env node
import { resolve } from "node:path";
import { Command } from "commander";
import { generate } from "./generate.js";
import { deprecationNotice } from "./changesets/deprecation.js";
import { diffSpecDirs } from "./diff/diffSpecs.js";
import { formatDiff } from "./diff/formatDiff.js";
import { formatIssues } from "./import/ImportReport.js";
import { UnsupportedStyleError, convertApiDocs, readApiDocs, readExistingSpecs, writeImportedSpecs } from "./import/importApiDocs.js";
import { SpecError } from "./spec/SpecError.js";
import { GENERATOR_VERSION } from "./version.js";

const program = new Command("acs-gen").version(GENERATOR_VERSION).description("Generate one npm package per Alibaba Cloud API operation from specs/.");

program
  .command("generate")
  .description("validate specs/ and (re)generate packages/<product>/<operation> and the product packages")
  .option("--check", "write nothing; exit 1 when the committed packages differ from what the specs generate")
  .option("--root <dir>", "repository root", process.cwd())
  .option("--specs <dir>", "spec folder (default <root>/specs)")
  .option("--changesets-from <dir>", "old specs folder to diff against for .changeset files (default: the specs at git HEAD)")
  .option("--requests-only", "the specs were re-imported from request-only metadata: changesets compare requests only")
  .option("--no-changesets", "do not write .changeset files")
  .action(async (opts: { check?: boolean; root: string; specs?: string; changesets: boolean; changesetsFrom?: string; requestsOnly?: boolean }) => {
    const rootDir = resolve(opts.root);
    const started = Date.now();
    const baseline = opts.changesetsFrom ? { baselineSpecsDir: resolve(opts.changesetsFrom) } : {};
    const changesets = opts.changesets ? { changesets: { ...baseline, ...(opts.requestsOnly ? { requestsOnly: true } : {}) } } : {};
    const result = await generate({ rootDir, check: opts.check ?? false, ...(opts.specs ? { specsDir: resolve(opts.specs) } : {}), ...changesets });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    for (const e of result.refused) console.error(`refused spec (no package written): ${e.message}`);
    if (opts.check) {
      const problems = [
        ...result.changed.map((f) => `differs from its spec: ${f}`),
        ...result.stale.map((f) => `not produced by any spec: ${f}`),
        ...result.orphans.map((d) => `orphaned package (spec deleted): ${d}`),
        ...result.fixtures.problems.map((p) => `fixture no longer fits its spec: ${p.file}: ${p.reason}`),
      ];
      if (problems.length > 0 || result.refused.length > 0) {
        for (const p of problems) console.error(p);
        console.error(`generate --check: ${problems.length + result.refused.length} problem(s); run \`pnpm generate\` and commit the result.`);
        process.exitCode = 1;
        return;
      }
      console.log(`generate --check: ${result.models.length} packages of ${result.products.length} products match their specs (${seconds} s).`);
      return;
    }
    for (const d of result.orphans) console.log(deprecationNotice(d));
    if (result.changesets) {
      const c = result.changesets;
      if (!c.compared) console.log(`changesets: none written, no baseline (${c.baseline} is not available); use --changesets-from <old specs>.`);
      else console.log(`changesets (baseline ${c.baseline}): ${c.files.length} for changed packages${c.removed.length ? `, ${c.removed.length} stale removed` : ""}.`);
      if (c.files.length <= 50) for (const f of c.files) console.log(`  ${f}`);
    }
    for (const p of result.fixtures.problems) console.error(`fixture no longer fits its spec (re-record or delete it): ${p.file}: ${p.reason}`);
    console.log(`generated ${result.models.length} packages of ${result.products.length} products, ${result.changed.length} files changed, ${result.stale.length} stale files removed (${seconds} s).`);
    if (result.refused.length > 0) process.exitCode = 1;
  });

program
  .command("import")
  .description("convert Alibaba Cloud api-docs metadata into specs/<code>/<version>/ (reports what it cannot map, refuses what it cannot represent)")
  .requiredOption("--from <file|url>", "api-docs.json: a local file, or an https URL")
  .requiredOption("--product <code>", "lower-case product code: the spec folder and npm name prefix (nas)")
  .option("--out <dir>", "spec folder to write into", "specs")
  .option("--title <title>", "product title for docs (default: the existing spec's, else the product name)")
  .option("--requests-only", "the metadata has no responses or errors: keep those of the existing specs (default: detected)")
  .option("--keep-missing", "keep the specs of operations the metadata does not list (older or partial metadata)")
  .action(async (opts: { from: string; product: string; out: string; title?: string; requestsOnly?: boolean; keepMissing?: boolean }) => {
    const docs = await readApiDocs(opts.from);
    const out = resolve(opts.out);
    let result;
    try {
      result = convertApiDocs(docs, {
        code: opts.product,
        existing: readExistingSpecs(out, opts.product, docs.info.version),
        ...(opts.title ? { title: opts.title } : {}),
        ...(opts.requestsOnly ? { requestsOnly: true } : {}),
      });
    } catch (error) {
      if (!(error instanceof UnsupportedStyleError)) throw error;
      console.error(`refused product: ${error.message}`);
      process.exitCode = 1;
      return;
    }
    const source = /^https?:/.test(opts.from) ? opts.from : opts.from.split(/[\\/]/).pop()!;
    const written = writeImportedSpecs(out, result, source, { keepMissing: opts.keepMissing ?? false });
    for (const line of formatIssues(result.issues)) console.log(`not mapped as-is: ${line}`);
    for (const r of result.refused) console.log(`REFUSED ${r.action}: ${r.reason}`);
    console.log(
      `imported ${result.operations.size} operations of ${result.product.product} ${result.product.version} into ${opts.out} (${written.length} files, ` +
        `${result.refused.length} refused, ${result.issues.length} report lines${result.requestsOnly ? "; request-only metadata: existing responses kept" : ""}).`,
    );
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
