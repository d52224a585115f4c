// `instanceof` across copies of the runtime. A build ships a real ES module and a CommonJS bundle, so an app
// that reaches the runtime through `import` and (via a CommonJS dependency) through `require` holds two copies,
// as it does with two versions installed side by side for operation packages released at different times. An
// error thrown by one copy must then match the other copy's classes. Two copies are built here, into a temp dir, by the same script and options as
// `pnpm build` (scripts/build.mjs: minified, class names kept; turbo builds only a package's dependencies before
// its tests, so dist/ may be missing or stale), and loaded by a plain Node process, one through `require` and
// one through `import`, so Node's own loaders are used, not the test runner's.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), "..");
// Limits against a hang, not timings: the suite shares two cores with every other turbo task.
const LIMIT_MS = 300_000;

// Runs in a child Node process: loads both copies and reports, per error class, whether instances made by one
// copy are `instanceof` the other copy's class, its root class and Error, and not a sibling class.
const CHECK = `
import { createRequire } from "node:module";
const [cjsEntry, esmEntry, sameBuildEsmEntry] = process.argv.slice(2);
const cjs = createRequire(import.meta.url)(cjsEntry);
const esm = await import(esmEntry);
const sameBuildEsm = await import(sameBuildEsmEntry);
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
const report = {
  distinctCopies: cjs.ServiceError !== esm.ServiceError && cjs.AcsError !== esm.AcsError,
  // The ES module of a build is its own copy (not a wrapper of the CommonJS bundle) with the same named exports.
  realEsmSameSurface: sameBuildEsm.AcsError !== cjs.AcsError && JSON.stringify(Object.keys(cjs).sort()) === JSON.stringify(Object.keys(sameBuildEsm).sort()) && Object.keys(cjs).length > 30,
  classes: {},
};
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
// Errors thrown by real code paths of each copy, not just constructed: a call refused before any I/O.
const op = { product: "P", version: "v", action: "A", style: "RPC", method: "POST", pathname: "/", access: "read", endpoints: { pattern: "p.{regionId}.x" }, parameters: [{ name: "Id", in: "query", required: true, schema: { type: "string" } }] };
const rejected = async (promise) => { try { await promise; } catch (e) { return e; } };
const client = (m, region = "cn-hangzhou") => new m.AcsClient({ region, credentials: { accessKeyId: "id", accessKeySecret: "secret" } });
const fromCjs = await rejected(cjs.invokeOperation(client(cjs), op, {}));
const fromEsm = await rejected(esm.invokeOperation(client(esm, "a@b"), op, { Id: "x" }));
const typeErrors = await Promise.all([cjs, esm].map((m) => rejected(m.invokeOperation(client(m), op, { Id: 5 }))));
report.thrown = {
  cjsValidationInEsm: fromCjs instanceof esm.ValidationError && fromCjs instanceof esm.AcsError,
  esmValidationInCjs: fromEsm instanceof cjs.ValidationError && fromEsm instanceof cjs.AcsError,
  cjsValidationNotEsmService: !(fromCjs instanceof esm.ServiceError),
  plainErrorNotAcs: !(new Error("x") instanceof esm.AcsError) && !({ code: "x" } instanceof cjs.AcsError),
  // The CommonJS bundle is minified with keepNames, the ES module is not minified: stack traces of both name
  // internal functions (checkValue is not exported, so only its own name can put it in the trace).
  stackNamesFunctions: typeErrors.every((e) => /at checkValue /.test(e.stack)),
};
console.log(JSON.stringify(report));
`;

describe("instanceof across the CJS and ESM builds", () => {
  let dir: string;
  let report: {
    distinctCopies: boolean;
    realEsmSameSurface: boolean;
    classes: Record<string, Record<string, boolean>>;
    thrown: Record<string, boolean>;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "acs-dual-build-"));
    const [copyA, copyB] = [join(dir, "a"), join(dir, "b")];
    for (const out of [copyA, copyB]) {
      execFileSync(process.execPath, [join(PACKAGE, "scripts", "build.mjs"), "--out", out, "--no-types"], { cwd: PACKAGE, timeout: LIMIT_MS });
    }
    writeFileSync(join(dir, "check.mjs"), CHECK);
    const entries = [join(copyA, "index.cjs"), pathToFileURL(join(copyB, "index.js")).href, pathToFileURL(join(copyA, "index.js")).href];
    const out = execFileSync(process.execPath, [join(dir, "check.mjs"), ...entries], {
      encoding: "utf8",
      timeout: LIMIT_MS,
    });
    report = JSON.parse(out) as typeof report;
  }, 3 * LIMIT_MS);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("keeps the minified CommonJS bundle's lines short (Node prints the whole source line of an uncaught error)", () => {
    const lines = readFileSync(join(dir, "a", "index.cjs"), "utf8").split("\n");
    expect(lines.length).toBeGreaterThan(100);
    // esbuild breaks at the first opportunity past the limit; a long string literal can run over it.
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(1000);
  });

  it("gives `import` a real ES module with the CommonJS bundle's named exports (its own copy of the code)", () => {
    expect(report.realEsmSameSurface).toBe(true);
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
    expect(report.thrown).toEqual({ cjsValidationInEsm: true, esmValidationInCjs: true, cjsValidationNotEsmService: true, plainErrorNotAcs: true, stackNamesFunctions: true });
  });
});
