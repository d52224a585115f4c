// A user's app, in a fresh folder outside any workspace: `npm install <package>` from the registry, and two
// scripts that call DescribeInstances, one an ES module and one CommonJS, printing what they got as JSON.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const CALL = (imports: string) => `${imports}
const client = new AcsClient({
  region: "cn-hangzhou",
  endpoint: process.env.ACS_ENDPOINT,
  protocol: "http",
  maxAttempts: 1,
  credentials: { accessKeyId: process.env.ACS_ACCESS_KEY_ID, accessKeySecret: process.env.ACS_ACCESS_KEY_SECRET },
});
const output = await describeInstances(client, JSON.parse(process.env.ACS_INPUT));
console.log(JSON.stringify({ sameRuntime: AcsClient === RuntimeClient, output }));
`;

export const ESM_SCRIPT = CALL(`import { AcsClient, describeInstances } from "@acs-modular/ecs-describe-instances";
import { AcsClient as RuntimeClient } from "@acs-modular/runtime";`);

export const CJS_SCRIPT = `(async () => {
${CALL(`const { AcsClient, describeInstances } = require("@acs-modular/ecs-describe-instances");
const { AcsClient: RuntimeClient } = require("@acs-modular/runtime");`)}
})().catch((e) => { console.error(e); process.exitCode = 1; });
`;

export function writeApp(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "registry-test-app", version: "1.0.0", private: true }, null, 2));
  writeFileSync(join(dir, "call.mjs"), ESM_SCRIPT);
  writeFileSync(join(dir, "call.cjs"), CJS_SCRIPT);
}

export interface LockedPackage {
  readonly path: string;
  readonly version: string;
  readonly resolved: string;
}

/** What npm installed, from package-lock.json: every package with its version and the URL it came from. */
export function installedPackages(dir: string): LockedPackage[] {
  const lock = JSON.parse(readFileSync(join(dir, "package-lock.json"), "utf8")) as { packages: Record<string, { version?: string; resolved?: string }> };
  return Object.entries(lock.packages)
    .filter(([path]) => path !== "")
    .map(([path, p]) => ({ path, version: p.version ?? "", resolved: p.resolved ?? "" }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
}

export function installedManifest(dir: string, name: string): { version: string; dependencies?: Record<string, string> } {
  return JSON.parse(readFileSync(join(dir, "node_modules", name, "package.json"), "utf8")) as { version: string; dependencies?: Record<string, string> };
}
