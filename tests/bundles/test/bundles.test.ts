import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { runInNewContext } from "node:vm";
import { jsonReply, startFakeServer, verifySignatureV3, type FakeServer } from "@acs-modular/testing";
import { build, type BuildOptions } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bunBinary, denoBinary, lastJson, run } from "./runtimes.js";

// What a user of one operation package gets from a bundler and from runtimes other than Node: the app in
// fixtures/app.mjs is bundled the ways users bundle (esbuild ESM for Node; --platform=neutral and browser
// for edge runtimes), and each result calls DescribeDataFlows against a fake endpoint on 127.0.0.1 whose
// every request is checked by the independent signature verifier of @acs-modular/testing.

const here = fileURLToPath(new URL("..", import.meta.url));
const fixtures = join(here, "fixtures");
const runtimeDist = join(here, "../../packages/runtime/dist");
const SECRET = "bundled-app-secret";

let server: FakeServer;
let out: string;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "acs-bundles-"));
  server = await startFakeServer((request, index) => {
    const check = verifySignatureV3(request, SECRET);
    if (!check.ok) return jsonReply(400, { Code: "SignatureDoesNotMatch", Message: check.reason, RequestId: `bad-${index}` });
    return jsonReply(200, { RequestId: `rid-${index}`, DataFlowInfo: { DataFlow: [] } });
  });
});

afterAll(async () => {
  await server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

interface Bundle {
  readonly file: string;
  readonly text: string;
  /** Workspace-relative paths of every module esbuild put in. */
  readonly inputs: readonly string[];
  readonly warnings: number;
}

async function bundle(name: string, entry: string, options: BuildOptions): Promise<Bundle> {
  const file = join(out, name);
  const result = await build({ entryPoints: [join(fixtures, entry)], bundle: true, outfile: file, metafile: true, logLevel: "silent", ...options });
  const inputs = Object.keys(result.metafile.inputs).map((p) => relative(join(here, "../.."), join(here, p)));
  return { file, text: readFileSync(file, "utf8"), inputs, warnings: result.warnings.length };
}

/** The app, and the baseline that keeps every export, bundled alike. */
async function appAndEverything(prefix: string, options: BuildOptions): Promise<{ app: Bundle; everything: Bundle }> {
  return { app: await bundle(`${prefix}-app.mjs`, "app.mjs", options), everything: await bundle(`${prefix}-everything.mjs`, "everything.mjs", options) };
}

const kib = (text: string) => `${(Buffer.byteLength(text) / 1024).toFixed(1)} KiB`;

/** The requests the fake server received since `from`, each with what the verifier said of it. */
function received(from: number) {
  return server.requests.slice(from).map((r) => ({ action: r.headers["x-acs-action"], signature: verifySignatureV3(r, SECRET).ok, accessKeyId: verifySignatureV3(r, SECRET).accessKeyId }));
}

/** A `node:` module named by an import in bundled code (static or dynamic), not by a string in a message. */
const NODE_IMPORT = /(?:from\s*|import\s*\(\s*|require\s*\(\s*)["']node:/;

describe("esbuild --bundle --format=esm --platform=node", () => {
  let app: Bundle;
  let everything: Bundle;
  beforeAll(async () => {
    ({ app, everything } = await appAndEverything("node", { format: "esm", platform: "node", target: "node20" }));
  });

  it("takes the runtime's real ES module (no CommonJS wrapper, so no `Dynamic require` crash)", () => {
    expect(app.inputs).toContain("packages/runtime/dist/index.js");
    expect(app.inputs).toContain("packages/nas/describe-data-flows/dist/index.js");
    expect(app.inputs.some((p) => p.endsWith(".cjs"))).toBe(false);
    expect(app.text).not.toContain("__require");
    expect(app.warnings).toBe(0);
  });

  it("runs on Node and signs a request that the independent verifier accepts", async () => {
    const from = server.requests.length;
    const result = lastJson(await run(process.execPath, [join(fixtures, "runApp.mjs"), app.file, server.host], { cwd: out }));
    expect(result).toMatchObject({ ok: true, requestId: `rid-${from}`, transport: "nodeHttpTransport" });
    expect(String(result["userAgent"])).toContain(`node/${process.versions.node}`);
    expect(received(from)).toEqual([{ action: "DescribeDataFlows", signature: true, accessKeyId: "AKIDBUNDLEDAPP" }]);
  });

  it("keeps only what the app uses: no paginator, waiter, recorder or fetch transport", () => {
    console.log(`node ESM bundle: app ${kib(app.text)}, every export kept ${kib(everything.text)}`);
    for (const unused of ["function* paginate(", "function* paginateItems(", "function waitUntil(", "function recordingTransport(", "function fixtureFromExchange(", "var fetchTransport"]) {
      expect(everything.text).toContain(unused);
      expect(app.text).not.toContain(unused);
    }
    expect(app.inputs.some((p) => p.includes("packages/mock"))).toBe(false);
    // On Node a client's default credentials chain (every file, process and metadata source) is reachable
    // from AcsClient, so it stays: most of what remains.
    // What the app leaves out (paginators, waiters, recorder, fetch transport and their helpers) weighs ~21 KiB;
    // an absolute floor, since the part every app keeps grows with the runtime.
    expect(Buffer.byteLength(everything.text) - Buffer.byteLength(app.text)).toBeGreaterThan(16 * 1024);
  });
});

describe("esbuild --bundle --platform=neutral (edge runtimes)", () => {
  let neutral: Bundle;
  let everything: Bundle;
  beforeAll(async () => {
    ({ app: neutral, everything } = await appAndEverything("neutral", { format: "esm", platform: "neutral", target: "es2022" }));
  });

  it("builds without an error or warning, from the portable build, with no node: import and no file source", () => {
    expect(neutral.warnings).toBe(0);
    expect(neutral.inputs).toContain("packages/runtime/dist/web/index.js");
    expect(neutral.text).not.toMatch(NODE_IMPORT);
    // The edge credentials chain is the environment only: none of the file, process or metadata sources.
    for (const absent of ["function fromCliProfile(", "function fromIniFile(", "function fromEcsRamRole(", "function fromExternalProcess(", "node:https", "function* paginate("]) {
      expect(neutral.text).not.toContain(absent);
    }
    console.log(`neutral ESM bundle: app ${kib(neutral.text)}, every export kept ${kib(everything.text)}`);
    expect(everything.text).toContain("function fromCliProfile(");
    expect(Buffer.byteLength(neutral.text)).toBeLessThan(0.6 * Buffer.byteLength(everything.text));
  });

  it("runs under Deno (fetch transport, Web Crypto signing), the request verified independently", async () => {
    const from = server.requests.length;
    const deno = denoBinary();
    const result = lastJson(
      await run(deno, ["run", "--no-prompt", "--allow-env", "--no-config", "--no-lock", "--no-remote", "--no-npm", `--allow-net=${server.host}`, `--allow-read=${fixtures},${out}`, join(fixtures, "runApp.mjs"), neutral.file, server.host], {
        cwd: out,
        env: denoEnv(),
      }),
    );
    expect(result).toMatchObject({ ok: true, requestId: `rid-${from}`, transport: "fetchTransport" });
    expect(String(result["userAgent"])).toMatch(/ deno\/\d/);
    expect(received(from)).toEqual([{ action: "DescribeDataFlows", signature: true, accessKeyId: "AKIDBUNDLEDAPP" }]);
  });

  it("runs under Bun", async () => {
    const from = server.requests.length;
    const result = lastJson(await run(bunBinary(), ["--no-install", join(fixtures, "runApp.mjs"), neutral.file, server.host], { cwd: out, env: bunEnv() }));
    expect(result).toMatchObject({ ok: true, requestId: `rid-${from}`, transport: "fetchTransport" });
    expect(String(result["userAgent"])).toMatch(/ bun\/\d/);
    expect(received(from)).toEqual([{ action: "DescribeDataFlows", signature: true, accessKeyId: "AKIDBUNDLEDAPP" }]);
  });
});

describe("esbuild --bundle --platform=browser, run in a bare V8 context", () => {
  it("needs nothing of Node: no process, require, Buffer or module system, only web globals", async () => {
    const browser = await bundle("browser-app.js", "app.mjs", { format: "iife", globalName: "BundledApp", platform: "browser", target: "es2022" });
    expect(browser.warnings).toBe(0);
    expect(browser.inputs).toContain("packages/runtime/dist/web/index.js");
    expect(browser.text).not.toMatch(NODE_IMPORT);
    console.log(`browser IIFE bundle: ${kib(browser.text)}`);
    // What a Worker or a browser page offers, and nothing else (the V8 intrinsics come with the context).
    const webGlobals = { fetch, crypto, TextEncoder, TextDecoder, AbortController, AbortSignal, Headers, Request, Response, URL, DOMException, ReadableStream, setTimeout, clearTimeout, console };
    const context = { ...webGlobals };
    const from = server.requests.length;
    runInNewContext(browser.text, context);
    const probe = runInNewContext("[typeof process, typeof require, typeof Buffer, typeof module]", context) as string[];
    expect(probe).toEqual(["undefined", "undefined", "undefined", "undefined"]);
    const app = (context as unknown as { BundledApp: { run(host: string): Promise<Record<string, unknown>> } }).BundledApp;
    const result = await app.run(server.host);
    expect(result).toMatchObject({ requestId: `rid-${from}`, transport: "fetchTransport" });
    expect(String(result["userAgent"])).toMatch(/^acs-modular\/\S+ js$/);
    expect(received(from)).toEqual([{ action: "DescribeDataFlows", signature: true, accessKeyId: "AKIDBUNDLEDAPP" }]);
  });

  it("without credentials fails before any request with a CredentialsError that says to pass them explicitly", async () => {
    const browser = await bundle("browser-app-nocreds.js", "app.mjs", { format: "iife", globalName: "BundledApp", platform: "browser", target: "es2022" });
    const context = { fetch, crypto, TextEncoder, TextDecoder, AbortController, AbortSignal, Headers, URL, setTimeout, clearTimeout };
    runInNewContext(browser.text, context);
    const from = server.requests.length;
    const app = (context as unknown as { BundledApp: { runWithoutCredentials(host: string): Promise<Record<string, unknown>> } }).BundledApp;
    const result = await app.runWithoutCredentials(server.host);
    expect(result).toMatchObject({ ok: false, name: "CredentialsError", code: "CredentialsError" });
    expect(String(result["message"])).toMatch(/^No Alibaba Cloud credentials found \(tried env: no environment on this runtime\); .*pass credentials explicitly/);
    expect(server.requests.length).toBe(from);
  });
});

describe("the installed packages under Deno and Bun, unbundled", () => {
  // Resolved from node_modules by the runtimes themselves: their default conditions include `node`, so they
  // get the Node build on their Node compatibility layer; a `workerd` condition selects the portable build.
  it.each([
    ["Deno, default conditions", "deno", [] as string[], "nodeHttpTransport"],
    ["Deno, --conditions=workerd", "deno", ["--conditions=workerd"], "fetchTransport"],
    ["Bun, default conditions", "bun", [], "nodeHttpTransport"],
    ["Bun, --conditions=workerd", "bun", ["--conditions=workerd"], "fetchTransport"],
  ] as const)("%s", async (_, runtime, flags, transport) => {
    const from = server.requests.length;
    const stdout =
      runtime === "deno"
        ? await run(denoBinary(), ["run", "--no-prompt", "--allow-env", "--no-lock", "--no-remote", ...flags, `--allow-net=${server.host}`, `--allow-read=${join(here, "../..")}`, join(fixtures, "runApp.mjs"), "./app.mjs", server.host], { cwd: here, env: denoEnv() })
        : await run(bunBinary(), ["--no-install", ...flags, join(fixtures, "runApp.mjs"), "./app.mjs", server.host], { cwd: here, env: bunEnv() });
    expect(lastJson(stdout)).toMatchObject({ ok: true, requestId: `rid-${from}`, transport });
    expect(received(from)).toEqual([{ action: "DescribeDataFlows", signature: true, accessKeyId: "AKIDBUNDLEDAPP" }]);
  });
});

/**
 * Deno with its cache in the test's folder, no update check, no colours. `--allow-env` because the runtime
 * reads its logging switch (ACS_LOG) from the environment, which Deno guards.
 */
function denoEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env["PATH"], HOME: out, DENO_DIR: join(out, "deno-dir"), DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" };
}

function bunEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env["PATH"], HOME: out, BUN_INSTALL_CACHE_DIR: join(out, "bun-cache"), NO_COLOR: "1", DO_NOT_TRACK: "1" };
}
