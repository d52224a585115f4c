// Child process of the scale benchmark: runs the generator of a repository copy once, into `rootDir`
// (an empty folder: every package is written from nothing), and prints one JSON line with the time the
// generate() call took, this process's peak RSS, and how many files it wrote.
import { importGenerator, type GeneratorModule } from "./generatorModule.js";

const [generatorRoot = "", rootDir = "", specsDir = ""] = process.argv.slice(2);
const started = process.hrtime.bigint();
const { generate } = await importGenerator<GeneratorModule>("generate.js", generatorRoot);
const loaded = process.hrtime.bigint();
const result = await generate({ rootDir, specsDir });
const done = process.hrtime.bigint();
if (result.refused.length > 0) throw new Error(`refused specs: ${result.refused.slice(0, 3).map((e) => e.message).join("; ")}`);
process.stdout.write(
  `${JSON.stringify({
    operations: result.models.length,
    products: result.products.length,
    importMs: Number(loaded - started) / 1e6,
    generateMs: Number(done - loaded) / 1e6,
    // resourceUsage().maxRSS is in KiB on Linux and macOS.
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    filesWritten: result.changed.length,
  })}\n`,
);
