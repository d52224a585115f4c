// The runtime's public surface is drawn on purpose: every export is tagged @public or @internal, and the
// committed report (api/runtime.api.md) matches what the build ships. A change to the surface fails here with
// a line diff; when it is intended, regenerate the report with UPDATE_API_REPORT=1 and commit it with the change.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { diffLines } from "@acs-modular/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { bundleDeclarations } from "../../scripts/bundleDeclarations.mjs";
import { emitDeclarations } from "../../scripts/emitDeclarations.mjs";
import { type ApiReport, buildApiReport } from "./apiReport.js";

const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const REPORT = join(PACKAGE, "api", "runtime.api.md");
let report: ApiReport;

beforeAll(() => {
  // The declarations exactly as the build bundles them (scripts/build.mjs, writeDeclarations).
  const { files, entry } = emitDeclarations(join(PACKAGE, "tsconfig.build.json"), join(PACKAGE, "src", "index.ts"));
  report = buildApiReport(bundleDeclarations(files, entry), readFileSync(join(PACKAGE, "src", "index.ts"), "utf8"));
}, 120_000);

describe("API report", () => {
  it("tags every export @public or @internal, the same on its declaration and its export statement", () => {
    expect(report.problems).toEqual([]);
  });

  it("matches api/runtime.api.md", () => {
    if (process.env.UPDATE_API_REPORT) writeFileSync(REPORT, report.text);
    const committed = existsSync(REPORT) ? readFileSync(REPORT, "utf8") : "";
    if (committed !== report.text) {
      const diff = diffLines(committed.split("\n"), report.text.split("\n")).join("\n");
      throw new Error(
        `The runtime's API differs from api/runtime.api.md (- committed, + built):\n${diff}\n\n` +
          "If the change is intended, run `UPDATE_API_REPORT=1 npx vitest run test/api/apiReport.test.ts` in packages/runtime and commit the report.",
      );
    }
  });
});
