// `node bench/dist/profile.js [calls]`: CPU-profiles the per-call benchmark, one client process per
// implementation (node --cpu-prof), and prints where each spends its time. Profiles are kept in
// bench/dist/profiles/ for chrome://inspect or speedscope.
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { run, startChild } from "./exec.js";
import { BENCH_DIR, DIST_DIR } from "./paths.js";
import { IMPLS } from "./perCall/shared.js";
import { summarizeProfile, type CpuProfile, type FrameCost } from "./profile/summarize.js";

const calls = Number(process.argv[2] ?? 20_000);
const outDir = join(BENCH_DIR, "dist/profiles");
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const list = (title: string, costs: readonly FrameCost[]): string =>
  `  ${title}\n${costs.map((c) => `    ${(c.share * 100).toFixed(1).padStart(5)}%  ${c.frame}`).join("\n")}`;

const { child, firstLine } = await startChild(process.execPath, [join(DIST_DIR, "perCall/server.js")]);
try {
  for (const impl of IMPLS) {
    const dir = join(outDir, impl);
    run(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${dir}`, join(DIST_DIR, "perCall/client.js"), `127.0.0.1:${firstLine.trim()}`, "fixed", String(calls), "2000", impl]);
    const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"))!;
    const summary = summarizeProfile(JSON.parse(readFileSync(join(dir, file), "utf8")) as CpuProfile, 20);
    process.stdout.write(`\n## ${impl}: ${calls} calls after 2000 warm-up, ${summary.totalMs.toFixed(0)} ms sampled (${join(dir, file)})\n`);
    process.stdout.write(`${list("self time by module", summary.modules.slice(0, 10))}\n`);
    process.stdout.write(`${list("self time by function", summary.self)}\n`);
    process.stdout.write(`${list("inclusive time by function", summary.inclusive)}\n`);
  }
} finally {
  child.stdin?.end();
  child.kill();
}
