// Reads the output of `pnpm test` (turbo running vitest in every package) on stdin, passes it through, and
// ends with one plain total line, `N passed, N failed, N skipped`, summed over every package's vitest summary.
import { createInterface } from "node:readline";

const ANSI = /\x1b\[[0-9;]*m/g;
let passed = 0;
let failed = 0;
let skipped = 0;
let summaries = 0;
for await (const line of createInterface({ input: process.stdin })) {
  process.stdout.write(`${line}\n`);
  const text = line.replace(ANSI, "");
  // vitest: "      Tests  12 failed | 470 passed | 3 skipped (485)"
  const m = /\bTests\s+(.*)\(\d+\)\s*$/.exec(text);
  if (!m) continue;
  summaries++;
  for (const [, n, kind] of m[1].matchAll(/(\d+) (passed|failed|skipped|todo)/g)) {
    if (kind === "passed") passed += Number(n);
    else if (kind === "failed") failed += Number(n);
    else skipped += Number(n);
  }
}
console.log(`\n${summaries} test summaries read`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
