// Every TypeScript sample of the runtime's README compiles, as an ES module of its own, against the sources
// of the packages it imports (the runtime, the mock, generated operation packages), with the options users
// are told to use (strict, exactOptionalPropertyTypes). A sample that drifts from the API fails here.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { typescriptSamples } from "./readmeSamples.js";

const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const PACKAGES = join(PACKAGE, "..");
const README = readFileSync(join(PACKAGE, "README.md"), "utf8");
const dir = mkdtempSync(join(tmpdir(), "acs-readme-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("runtime README samples", () => {
  const samples = typescriptSamples(README);

  it("has samples for the sections it documents", () => {
    expect(samples.length).toBeGreaterThanOrEqual(15);
  });

  it("all compile", () => {
    writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
    const files = samples.map((sample, i) => {
      const file = join(dir, `sample-${i + 1}-line-${sample.line}.ts`);
      writeFileSync(file, `${sample.code}\nexport {};\n`);
      return file;
    });
    const program = ts.createProgram(files, {
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
      types: ["node"],
      typeRoots: [join(PACKAGE, "node_modules/@types"), join(PACKAGES, "..", "node_modules/@types")],
      paths: {
        "@acs-modular/runtime": [join(PACKAGE, "src/index.ts")],
        "@acs-modular/mock": [join(PACKAGES, "mock/src/index.ts")],
        "@acs-modular/nas-*": [join(PACKAGES, "nas/*/src/index.ts")],
      },
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file === undefined || d.file.fileName.startsWith(dir))
      .map((d) => {
        const where = d.file ? `${d.file.fileName.slice(dir.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : "";
        return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
      });
    expect(problems).toEqual([]);
  }, 120_000);
});
