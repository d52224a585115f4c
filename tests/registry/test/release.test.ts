import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ACCESS_KEY_ID, TEST_ACCESS_KEY_SECRET, jsonReply, startFakeServer, verifySignatureV3, type FakeServer } from "@acs-modular/testing";
import { cloneRepository, type Clone } from "../src/releaseClone.js";
import { RELEASE_SUBSET, applySubset, publishablePackages } from "../src/releaseSubset.js";
import { registryEnv } from "../src/registryEnv.js";
import { run } from "../src/run.js";
import { Timings } from "../src/timings.js";
import { installedManifest, installedPackages, writeApp } from "../src/userApp.js";
import { startVerdaccio, type Registry } from "../src/verdaccio.js";

// The release as the README's "Maintainer workflow" has it, against a real registry: Verdaccio on
// 127.0.0.1, `changeset version` and `changeset publish` in a clone of HEAD, then what a user does:
// `npm install @acs-modular/ecs-describe-instances` in an empty folder, from that registry only, and a call.
// Then one spec change, released: exactly one package gets exactly one new version.
// What is published is a subset of the workspace (see src/releaseSubset.ts for why and what);
// REGISTRY_TEST_FULL=1 publishes everything.
const repo = fileURLToPath(new URL("../../../", import.meta.url));
const FULL = process.env.REGISTRY_TEST_FULL === "1";
const OPERATION = "@acs-modular/ecs-describe-instances";
const RUNTIME = "@acs-modular/runtime";
const SPEC = "specs/ecs/2014-05-26/DescribeInstances.yaml";
const ADDED_PARAMETER = "ReleaseRehearsal";
// Guards, not expectations: the subset takes a few minutes, everything well over an hour on 2 cores.
const HOOK_TIMEOUT = FULL ? 4 * 3_600_000 : 40 * 60_000;

const timings = new Timings();
let scratch: string;
let registry: Registry | undefined;
let env: NodeJS.ProcessEnv;
let clone: Clone;
let app: string;
let published: string[];
const servers: FakeServer[] = [];

/** `name@version` of every package a `changeset publish` output says it published. */
function publishedBy(output: string): string[] {
  const section = output.split("packages published successfully:")[1] ?? "";
  return [...section.matchAll(/(@acs-modular\/[a-z0-9-]+)@(\d+\.\d+\.\d+)/g)].map((m) => `${m[1]}@${m[2]}`).filter((v, i, all) => all.indexOf(v) === i).sort();
}

function versionIn(dir: string): string {
  return (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string }).version;
}

/** Name → version of every publishable package of the clone, as its package.json has it now. */
function localVersions(): Record<string, string> {
  return Object.fromEntries([...publishablePackages(clone.dir)].map(([name, dir]) => [name, versionIn(dir)]));
}

/** Every package's versions in the registry, a few requests at a time. */
async function registryVersions(names: readonly string[]): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (let i = 0; i < names.length; i += 16) {
    const batch = names.slice(i, i + 16);
    const versions = await Promise.all(batch.map((n) => registry!.versions(n)));
    batch.forEach((n, j) => (out[n] = (versions[j] ?? []).sort()));
  }
  return out;
}

async function npmInstall(spec: string): Promise<void> {
  await run("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", spec], { cwd: app, env, secrets: registry!.secrets });
}

/** Runs one of the app's scripts against a fresh fake ECS endpoint; returns its output and what the endpoint received. */
async function callFromApp(script: string, input: Record<string, unknown>) {
  const instances = { Instance: [{ InstanceId: "i-registry0test", InstanceName: "from-verdaccio", Status: "Running" }] };
  const server = await startFakeServer(() => jsonReply(200, { RequestId: "REGISTRY-TEST-1", TotalCount: 1, PageNumber: 1, PageSize: 10, Instances: instances }));
  servers.push(server);
  const { stdout } = await run("node", [script], {
    cwd: app,
    env: { ...env, ACS_ENDPOINT: server.host, ACS_ACCESS_KEY_ID: TEST_ACCESS_KEY_ID, ACS_ACCESS_KEY_SECRET: TEST_ACCESS_KEY_SECRET, ACS_INPUT: JSON.stringify(input) },
  });
  await server.close();
  return { printed: JSON.parse(stdout) as { sameRuntime: boolean; output: Record<string, unknown> }, requests: server.requests, instances };
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "acs-registry-"));
  registry = await timings.time("start Verdaccio", () => startVerdaccio(join(scratch, "verdaccio")));
  env = registryEnv(registry, scratch);
  clone = await timings.time("clone HEAD + offline pnpm install", () => cloneRepository(repo, join(scratch, "clone"), { env, secrets: registry!.secrets, killAfterMs: HOOK_TIMEOUT }));
  if (!FULL) {
    const kept = applySubset(clone.dir, RELEASE_SUBSET);
    console.log(`[registry] publishing a subset: ${kept.length} packages (${kept.join(", ")})`);
    await clone.commit("Release test: publish a subset of the workspace");
  }
  // The README's release is `pnpm build && pnpm changeset publish`. `pnpm build` is turbo over these same
  // build scripts; pnpm runs them itself here (topologically), so that no turbo runs inside CI's turbo.
  await timings.time("build (runtime, generator, products)", () => clone.exec("pnpm", ["-r", "--reporter", "append-only", "run", "build"]));
  await timings.time("changeset version", () => clone.exec("pnpm", ["changeset", "version"]));
  await clone.commit("Version packages");
  const result = await timings.time("changeset publish", () => clone.exec("pnpm", ["changeset", "publish"]));
  published = publishedBy(result.stdout + result.stderr);
}, HOOK_TIMEOUT);

afterAll(async () => {
  for (const s of servers) await s.close().catch(() => undefined);
  await registry?.stop();
  console.log(timings.report());
  if (scratch && process.env.REGISTRY_TEST_KEEP !== "1") rmSync(scratch, { recursive: true, force: true });
}, 120_000);

describe("a release through a registry", () => {
  it("publishes every publishable package of the clone, each at the version changeset version gave it", async () => {
    const local = localVersions();
    const names = Object.keys(local);
    expect(names).toContain(OPERATION);
    expect(names).toContain(RUNTIME);
    expect(local[OPERATION]).toBe("0.1.0"); // new operations are released at 0.1.0 (README, "Versioning")
    expect(published).toEqual(names.map((n) => `${n}@${local[n]}`).sort());
    const held = await registryVersions(names);
    expect(held).toEqual(Object.fromEntries(names.map((n) => [n, [local[n]]])));
  });

  it("installs one operation package into a fresh app with npm, from that registry only, and its runtime comes with it", async () => {
    app = join(scratch, "app");
    writeApp(app);
    await timings.time("npm install in a fresh app", () => npmInstall(OPERATION));
    const runtimeVersion = versionIn(join(clone.dir, "packages/runtime"));
    expect(installedManifest(app, OPERATION).version).toBe("0.1.0");
    expect(installedManifest(app, OPERATION).dependencies).toEqual({ [RUNTIME]: `^${runtimeVersion}` });
    expect(installedManifest(app, RUNTIME).version).toBe(runtimeVersion);
    const locked = installedPackages(app);
    expect(locked.map((p) => `${p.path}@${p.version}`)).toEqual([`node_modules/${OPERATION}@0.1.0`, `node_modules/${RUNTIME}@${runtimeVersion}`].sort());
    for (const p of locked) expect(p.resolved.startsWith(registry!.url)).toBe(true);
  });

  it.each([
    ["an ES module", "call.mjs"],
    ["a CommonJS script", "call.cjs"],
  ])("calls DescribeInstances from %s against a local endpoint, signed, and decodes the answer", async (_kind, script) => {
    const { printed, requests, instances } = await callFromApp(script, { RegionId: "cn-hangzhou", PageSize: 10 });
    expect(printed.sameRuntime).toBe(true);
    expect(printed.output).toMatchObject({ RequestId: "REGISTRY-TEST-1", TotalCount: 1, Instances: instances });
    expect(requests).toHaveLength(1);
    const request = requests[0]!;
    expect(request.headers["x-acs-action"]).toBe("DescribeInstances");
    expect(request.headers["x-acs-version"]).toBe("2014-05-26");
    expect(new URLSearchParams(request.rawQuery).get("RegionId") ?? new URLSearchParams(request.body).get("RegionId")).toBe("cn-hangzhou");
    expect(verifySignatureV3(request, TEST_ACCESS_KEY_SECRET)).toMatchObject({ ok: true, accessKeyId: TEST_ACCESS_KEY_ID });
  });

  it("releases one spec change as exactly one new version of exactly one package, with its CHANGELOG entry", () => timings.time("second run (all of it)", secondRun), HOOK_TIMEOUT);
});

/** One spec change, from edit to registry, as the maintainer workflow has it (README, steps 4 and 5). */
async function secondRun(): Promise<void> {
  const before = localVersions();
  const names = Object.keys(before);
  // A new optional query parameter: additive, so a minor (README, "acs-gen diff"). Edited, not committed:
  // generate's baseline is the specs at git HEAD.
  const specFile = join(clone.dir, SPEC);
  const spec = readFileSync(specFile, "utf8");
  const parameter = `      parameters:\n        - name: ${ADDED_PARAMETER}\n          in: query\n          required: false\n          schema:\n            type: string\n          example: second-run\n`;
  expect(spec).toContain("      parameters:\n");
  writeFileSync(specFile, spec.replace("      parameters:\n", parameter));

  const generated = await timings.time("second run: generate", () => clone.exec("node", ["generator/dist/cli.js", "generate"]));
  expect(generated.stdout).toMatch(/changesets \(baseline git HEAD\): 1 for changed packages/);
  await timings.time("second run: build ECS", () => clone.exec("node", ["../runtime/scripts/buildProduct.mjs"], "packages/ecs"));
  await clone.commit(`Ecs DescribeInstances: optional parameter ${ADDED_PARAMETER}`);
  await timings.time("second run: changeset version", () => clone.exec("pnpm", ["changeset", "version"]));
  expect(localVersions()).toEqual({ ...before, [OPERATION]: "0.2.0" });
  const changelog = readFileSync(join(publishablePackages(clone.dir).get(OPERATION)!, "CHANGELOG.md"), "utf8");
  expect(changelog).toMatch(/## 0\.2\.0\s+### Minor Changes\s+- [0-9a-f]+: Ecs DescribeInstances: regenerated from the updated API spec\./);
  expect(changelog).toContain(`- Added: parameter \`${ADDED_PARAMETER}\``);
  await clone.commit("Version packages");

  const result = await timings.time("second run: changeset publish", () => clone.exec("pnpm", ["changeset", "publish"]));
  expect(publishedBy(result.stdout + result.stderr)).toEqual([`${OPERATION}@0.2.0`]);
  const held = await registryVersions(names);
  expect(held).toEqual(Object.fromEntries(names.map((n) => [n, n === OPERATION ? ["0.1.0", "0.2.0"] : [before[n]]])));

  // The new version is the rebuilt one: the user who upgrades can send the new parameter.
  await timings.time("second run: npm install @0.2.0", () => npmInstall(`${OPERATION}@0.2.0`));
  expect(installedManifest(app, OPERATION).version).toBe("0.2.0");
  const { requests } = await callFromApp("call.mjs", { RegionId: "cn-hangzhou", [ADDED_PARAMETER]: "yes" });
  expect(new URLSearchParams(requests[0]!.rawQuery).get(ADDED_PARAMETER)).toBe("yes");
}
