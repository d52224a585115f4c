import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

// What a user gets from npm: the packed tarballs, installed with npm into apps that know nothing of this
// workspace. Catches a broken `exports` map, a missing `files` entry, or CJS/ESM mix-ups that workspace
// links hide.
const repo = fileURLToPath(new URL("../../../", import.meta.url));
const packages = ["packages/runtime", "packages/nas/cancel-data-flow-sub-task"];
const tsc = join(repo, "node_modules/typescript/bin/tsc");

let work: string;
let tarballs: string[];

function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function app(name: string, pkg: object, files: Record<string, string>): string {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name, private: true, ...pkg }));
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  // Tarballs have no third-party dependencies, so this needs no registry.
  run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", ...tarballs], dir);
  return dir;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "acs-packing-"));
  const packs = join(work, "packs");
  mkdirSync(packs);
  for (const p of packages) run("pnpm", ["pack", "--pack-destination", packs], join(repo, p));
  tarballs = readdirSync(packs).map((f) => join(packs, f));
});

const TS_OPTIONS = { strict: true, exactOptionalPropertyTypes: true, module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", noEmit: true, skipLibCheck: false, types: [] };

const CHECK = `
  const client = new AcsClient({ region: "cn-hangzhou", credentials: { accessKeyId: "id", accessKeySecret: "secret" } });
  const failures = [];
  try { await cancelDataFlowSubTask(client, { FileSystemId: "x" }); } catch (e) { failures.push(e); }
  const e = failures[0];
  console.log(JSON.stringify({ fn: typeof cancelDataFlowSubTask, isValidation: e instanceof ValidationError, field: e.field, fromRuntime: e instanceof RuntimeValidationError }));
`;

describe("packed tarballs", () => {
  it("ship only dist, package.json, README and LICENSE, and depend on nothing but the runtime", () => {
    expect(tarballs).toHaveLength(2);
    for (const tarball of tarballs) {
      const listing = run("tar", ["-tzf", tarball], work).trim().split("\n");
      expect(listing.every((f) => /^package\/(dist\/|package\.json$|README\.md$|LICENSE$)/.test(f))).toBe(true);
      expect(listing).toContain("package/LICENSE");
      // One bundled file per module format and one declaration set (index.d.ts re-exports index.d.cts); the
      // runtime adds its portable build (dist/web/) for runtimes without Node's built-in modules.
      const portable = tarball.includes("acs-modular-runtime-") ? ["package/dist/web/index.cjs", "package/dist/web/index.js"] : [];
      expect(listing.filter((f) => f.startsWith("package/dist/")).sort()).toEqual([
        "package/dist/index.cjs",
        "package/dist/index.d.cts",
        "package/dist/index.d.ts",
        "package/dist/index.js",
        ...portable,
      ]);
    }
  });

  it("work from an ESM app", () => {
    const dir = app("esm-app", { type: "module" }, {
      "index.mjs": `import { AcsClient, cancelDataFlowSubTask, ValidationError } from "@acs-modular/nas-cancel-data-flow-sub-task";
import { ValidationError as RuntimeValidationError } from "@acs-modular/runtime";
${CHECK}`,
    });
    expect(JSON.parse(run("node", ["index.mjs"], dir))).toEqual({ fn: "function", isValidation: true, field: "DataFlowId", fromRuntime: true });
  });

  it("work from a CommonJS app", () => {
    const dir = app("cjs-app", {}, {
      "index.cjs": `const { AcsClient, cancelDataFlowSubTask, ValidationError } = require("@acs-modular/nas-cancel-data-flow-sub-task");
const { ValidationError: RuntimeValidationError } = require("@acs-modular/runtime");
(async () => { ${CHECK} })();`,
    });
    expect(JSON.parse(run("node", ["index.cjs"], dir))).toEqual({ fn: "function", isValidation: true, field: "DataFlowId", fromRuntime: true });
  });

  it("typecheck in a strict TypeScript app (NodeNext), rejecting a missing required parameter", () => {
    const dir = app("ts-app", { type: "module" }, {
      "tsconfig.json": JSON.stringify({ compilerOptions: TS_OPTIONS, files: ["ok.ts"] }),
      "tsconfig.bad.json": JSON.stringify({ compilerOptions: TS_OPTIONS, files: ["bad.ts"] }),
      "ok.ts": `import { AcsClient, cancelDataFlowSubTask, type CancelDataFlowSubTaskErrorCode } from "@acs-modular/nas-cancel-data-flow-sub-task";
const client = new AcsClient({ region: "cn-hangzhou" });
export const call = cancelDataFlowSubTask(client, { FileSystemId: "a", DataFlowId: "b", DataFlowTaskId: "c", DataFlowSubTaskId: "d", DryRun: true });
export const code: CancelDataFlowSubTaskErrorCode = "InvalidTaskId.NotFound";
`,
      "bad.ts": `import { AcsClient, cancelDataFlowSubTask } from "@acs-modular/nas-cancel-data-flow-sub-task";
export const call = cancelDataFlowSubTask(new AcsClient({ region: "x" }), { FileSystemId: "a" });
`,
    });
    expect(() => run("node", [tsc, "-p", "tsconfig.json"], dir)).not.toThrow();
    let output = "";
    try {
      run("node", [tsc, "-p", "tsconfig.bad.json"], dir);
    } catch (e) {
      output = String((e as { stdout?: string }).stdout);
    }
    expect(output).toMatch(/bad\.ts.*error TS2345|bad\.ts.*error TS2739/s);
    expect(output).toContain("DataFlowId");
  });

  it("typecheck in a strict TypeScript CommonJS app (NodeNext resolves the require types)", () => {
    const dir = app("ts-cjs-app", { type: "commonjs" }, {
      "tsconfig.json": JSON.stringify({ compilerOptions: TS_OPTIONS, files: ["ok.ts"] }),
      "ok.ts": `import { AcsClient, cancelDataFlowSubTask, ValidationError } from "@acs-modular/nas-cancel-data-flow-sub-task";
import { AcsError } from "@acs-modular/runtime";
const client = new AcsClient({ region: "cn-hangzhou" });
export const call = cancelDataFlowSubTask(client, { FileSystemId: "a", DataFlowId: "b", DataFlowTaskId: "c", DataFlowSubTaskId: "d" });
export const isRuntimeError = (e: unknown): e is AcsError => e instanceof ValidationError && e instanceof AcsError;
// @ts-expect-error DataFlowId is required
export const bad = cancelDataFlowSubTask(client, { FileSystemId: "a" });
`,
    });
    expect(() => run("node", [tsc, "-p", "tsconfig.json"], dir)).not.toThrow();
  });
});
