// Child process of the generator benchmarks: runs the generator once and prints one JSON line with the
// time it took, this process's peak RSS, and what it wrote. A fresh process per run, so that peak memory
// belongs to that run alone.
import { importGenerator, type GeneratorModule } from "./generatorModule.js";

const [rootDir = "", specsDir] = process.argv.slice(2);
const started = process.hrtime.bigint();
const { generate } = await importGenerator<GeneratorModule>("generate.js");
const loaded = process.hrtime.bigint();
const result = await generate({ rootDir, ...(specsDir ? { specsDir } : {}) });
const done = process.hrtime.bigint();
process.stdout.write(
  `${JSON.stringify({
    operations: result.models.length,
    importMs: Number(loaded - started) / 1e6,
    generateMs: Number(done - loaded) / 1e6,
    // resourceUsage().maxRSS is in KiB on Linux and macOS.
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    changed: result.changed,
  })}\n`,
);
