// `instanceof` across the CommonJS and ESM builds. An app can load both (an ESM app whose CJS dependency
// also requires the runtime), and then an error thrown by one copy must match the other copy's classes.
// The runtime is compiled here, into a temp dir, with the same compiler and module settings as `pnpm build`
// (turbo builds only a package's dependencies before its tests, so dist/ may be missing or stale). Both
// copies are then loaded by a plain Node process, so Node's own loaders are used, not the test runner's.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const SRC = join(dirname(fileURLToPath(import.meta.url)), "..", "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "test-helpers" ? [] : sourceFiles(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
  });
}

/** Compiles src/ into `outDir` as `module` ("esm" or "cjs"), marking the folder's module type as dist/ does. */
function compile(outDir: string, module: "esm" | "cjs"): void {
  for (const file of sourceFiles(SRC)) {
    const { outputText } = ts.transpileModule(readFileSync(file, "utf8"), {
      fileName: file,
      compilerOptions: {
        target: ts.ScriptTarget.ES2022,
        module: module === "esm" ? ts.ModuleKind.ESNext : ts.ModuleKind.CommonJS,
        verbatimModuleSyntax: false,
      },
    });
    const out = join(outDir, relative(SRC, file)).replace(/\.ts$/, ".js");
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, outputText);
  }
  writeFileSync(join(outDir, "package.json"), JSON.stringify({ type: module === "esm" ? "module" : "commonjs" }));
}

// Runs in a child Node process: loads both copies and reports, per error class, whether instances made by one
// copy are `instanceof` the other copy's class, its root class and Error, and not a sibling class.
const CHECK = `
import { createRequire } from "node:module";
const [cjsEntry, esmEntry] = process.argv.slice(2);
const cjs = createRequire(import.meta.url)(cjsEntry);
const esm = await import(esmEntry);
const make = {
  ServiceError: (m) => new m.ServiceError({ action: "A", code: "Throttling", message: "m", httpStatus: 400 }),
  ValidationError: (m) => new m.ValidationError("A", "Field", "is required"),
  NetworkError: (m) => new m.NetworkError("reset", "ECONNRESET"),
  TimeoutError: (m) => new m.TimeoutError("read", 10),
  AbortError: (m) => new m.AbortError(),
  MalformedResponseError: (m) => new m.MalformedResponseError("html", 502, "rid"),
  CredentialsError: (m) => new m.CredentialsError("none found"),
};
const names = Object.keys(make);
const report = { distinctCopies: cjs.ServiceError !== esm.ServiceError && cjs.AcsError !== esm.AcsError, classes: {} };
for (const name of names) {
  const sibling = name === "ServiceError" ? "ValidationError" : "ServiceError";
  const row = {};
  for (const [from, to] of [["cjs", "esm"], ["esm", "cjs"]]) {
    const e = make[name](from === "cjs" ? cjs : esm);
    const other = to === "cjs" ? cjs : esm;
    row[from + "InstanceOf" + to] = e instanceof other[name];
    row[from + "RootIn" + to] = e instanceof other.AcsError;
    row[from + "SiblingIn" + to] = e instanceof other[sibling];
    row[from + "IsError"] = e instanceof Error;
  }
  report.classes[name] = row;
}
// Errors thrown by real code paths of each copy, not just constructed.
const op = { product: "P", version: "v", action: "A", style: "RPC", method: "POST", pathname: "/", access: "read", endpoints: { pattern: "p.{regionId}.x" }, parameters: [{ name: "Id", in: "query", required: true, schema: { type: "string" } }] };
const thrown = (fn) => { try { fn(); } catch (e) { return e; } };
const fromCjs = thrown(() => cjs.validateInput(op, {}));
const fromEsm = thrown(() => esm.resolveEndpoint("A", op.endpoints, { region: "a@b" }));
report.thrown = {
  cjsValidationInEsm: fromCjs instanceof esm.ValidationError && fromCjs instanceof esm.AcsError,
  esmValidationInCjs: fromEsm instanceof cjs.ValidationError && fromEsm instanceof cjs.AcsError,
  cjsValidationNotEsmService: !(fromCjs instanceof esm.ServiceError),
  plainErrorNotAcs: !(new Error("x") instanceof esm.AcsError) && !({ code: "x" } instanceof cjs.AcsError),
};
console.log(JSON.stringify(report));
`;

describe("instanceof across the CJS and ESM builds", () => {
  let dir: string;
  let report: {
    distinctCopies: boolean;
    classes: Record<string, Record<string, boolean>>;
    thrown: Record<string, boolean>;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "acs-dual-build-"));
    compile(join(dir, "cjs"), "cjs");
    compile(join(dir, "esm"), "esm");
    writeFileSync(join(dir, "check.mjs"), CHECK);
    const out = execFileSync(process.execPath, [join(dir, "check.mjs"), join(dir, "cjs", "index.js"), new URL(`file://${join(dir, "esm", "index.js")}`).href], {
      encoding: "utf8",
      timeout: 30_000,
    });
    report = JSON.parse(out) as typeof report;
  }, 60_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("loads two distinct copies of every class", () => {
    expect(report.distinctCopies).toBe(true);
    expect(Object.keys(report.classes).sort()).toEqual(["AbortError", "CredentialsError", "MalformedResponseError", "NetworkError", "ServiceError", "TimeoutError", "ValidationError"]);
  });

  it("an error from either copy is instanceof the other copy's class, its AcsError and Error, and not a sibling class", () => {
    for (const [name, row] of Object.entries(report.classes)) {
      expect({ name, ...row }).toEqual({
        name,
        cjsInstanceOfesm: true,
        esmInstanceOfcjs: true,
        cjsRootInesm: true,
        esmRootIncjs: true,
        cjsSiblingInesm: false,
        esmSiblingIncjs: false,
        cjsIsError: true,
        esmIsError: true,
      });
    }
  });

  it("errors thrown by either copy's code match the other copy's classes", () => {
    expect(report.thrown).toEqual({ cjsValidationInEsm: true, esmValidationInCjs: true, cjsValidationNotEsmService: true, plainErrorNotAcs: true });
  });
});
