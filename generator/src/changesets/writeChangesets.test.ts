import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { REPO_ROOT, editFile, tempRepoWithSpecs } from "../../test/helpers.js";
import { generate } from "../generate.js";
import { deprecationNotice } from "./deprecation.js";
import { planChangesets, writeChangesets } from "./writeChangesets.js";

const FOLDER = "specs/nas/2017-06-26";
const CANCEL = `${FOLDER}/CancelDataFlowSubTask.yaml`;
const EXTRA_PARAM = "        - name: Verbose\n          in: query\n          required: false\n          schema:\n            type: boolean\n      responses:";

/** A temporary repository with the specs, what generate() needs besides them, and a generated first state. */
async function generatedRepo(): Promise<{ root: string; baseline: string }> {
  const root = tempRepoWithSpecs();
  for (const extra of ["fixtures", "tsconfig.base.json"]) if (existsSync(join(REPO_ROOT, extra))) cpSync(join(REPO_ROOT, extra), join(root, extra), { recursive: true });
  await generate({ rootDir: root });
  const baseline = join(root, "baseline-specs");
  cpSync(join(root, "specs"), baseline, { recursive: true });
  return { root, baseline };
}

/** Adds an operation by copying a spec under another action name. */
function addOperation(root: string, action: string): void {
  const text = readFileSync(join(root, CANCEL), "utf8").replaceAll("CancelDataFlowSubTask", action);
  writeFileSync(join(root, FOLDER, `${action}.yaml`), text);
}

const changesetFiles = (root: string) => (existsSync(join(root, ".changeset")) ? readdirSync(join(root, ".changeset")).filter((f) => f.endsWith(".md")).sort() : []);
const pkgVersion = (root: string, dir: string) => (JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")) as { version: string }).version;

describe("changesets written by generate", () => {
  it("writes one changeset per affected package, with its bump and a readable summary", async () => {
    const { root, baseline } = await generatedRepo();
    editFile(join(root, CANCEL), (t) => t.replace("      responses:", EXTRA_PARAM));
    addOperation(root, "PauseDataFlowSubTask");
    rmSync(join(root, FOLDER, "StopDataFlow.yaml"));
    const result = await generate({ rootDir: root, changesets: { baselineSpecsDir: baseline } });

    expect(changesetFiles(root)).toEqual([expect.stringMatching(/^acs-gen-nas-cancel-data-flow-sub-task-[0-9a-f]{8}\.md$/), expect.stringMatching(/^acs-gen-nas-pause-data-flow-sub-task-[0-9a-f]{8}\.md$/)]);
    const [changed, added] = changesetFiles(root).map((f) => readFileSync(join(root, ".changeset", f), "utf8"));
    expect(changed).toBe('---\n"@acs-modular/nas-cancel-data-flow-sub-task": minor\n---\n\nNAS CancelDataFlowSubTask: regenerated from the updated API spec.\n\n- Added: parameter `Verbose`: added (optional)\n');
    expect(added).toBe('---\n"@acs-modular/nas-pause-data-flow-sub-task": minor\n---\n\nInitial release: NAS PauseDataFlowSubTask, a new operation of the API.\n');
    // The new package waits at 0.0.0 for its changeset; the changed one keeps its version (changesets own it).
    expect(pkgVersion(root, "packages/nas/pause-data-flow-sub-task")).toBe("0.0.0");
    expect(pkgVersion(root, "packages/nas/cancel-data-flow-sub-task")).toBe("0.1.0");
    // The deleted operation gets no changeset (its package leaves the workspace) but a deprecation notice.
    expect(result.orphans).toEqual(["packages/nas/stop-data-flow"]);
    expect(deprecationNotice("packages/nas/stop-data-flow")).toContain('npm deprecate "@acs-modular/nas-stop-data-flow@*"');
  }, 60_000);

  it("is idempotent, and replaces its own uncommitted changeset when the spec changes again", async () => {
    const { root, baseline } = await generatedRepo();
    editFile(join(root, CANCEL), (t) => t.replace("      responses:", EXTRA_PARAM));
    await generate({ rootDir: root, changesets: { baselineSpecsDir: baseline } });
    const first = changesetFiles(root);
    await generate({ rootDir: root, changesets: { baselineSpecsDir: baseline } });
    expect(changesetFiles(root)).toEqual(first);

    writeFileSync(join(root, ".changeset", "maintainer-note.md"), '---\n"@acs-modular/nas-cancel-data-flow-sub-task": patch\n---\n\nHand-written.\n');
    editFile(join(root, CANCEL), (t) => t.replace(/(- name: Verbose\n\s+in: query\n\s+required: )false/, "$1true"));
    const result = await generate({ rootDir: root, changesets: { baselineSpecsDir: baseline } });
    const now = changesetFiles(root);
    expect(now).toHaveLength(2);
    expect(now).toContain("maintainer-note.md");
    expect(now).not.toContain(first[0]);
    expect(result.changesets!.removed).toEqual([`.changeset/${first[0]}`]);
    // Breaking (a new required parameter): a minor release while the package is 0.x.
    expect(readFileSync(join(root, result.changesets!.files[0]!), "utf8")).toContain('": minor\n---\n\nNAS CancelDataFlowSubTask: regenerated from the updated API spec. Breaking changes');
  }, 60_000);

  it("is applied by `changeset version`: versions and CHANGELOG.md entries", async () => {
    const { root, baseline } = await generatedRepo();
    editFile(join(root, CANCEL), (t) => t.replace("      responses:", EXTRA_PARAM));
    addOperation(root, "PauseDataFlowSubTask");
    await generate({ rootDir: root, changesets: { baselineSpecsDir: baseline } });
    // A workspace like the repository's: its changesets config and the packages it names.
    cpSync(join(REPO_ROOT, ".changeset", "config.json"), join(root, ".changeset", "config.json"));
    writeFileSync(join(root, "package.json"), JSON.stringify({ name: "tmp-root", private: true }));
    writeFileSync(join(root, "pnpm-workspace.yaml"), "packages:\n  - packages/*\n  - packages/*/*\n  - generator\n");
    for (const [dir, name] of [["packages/runtime", "@acs-modular/runtime"], ["packages/testing", "@acs-modular/testing"], ["generator", "@acs-modular/generator"]] as const) {
      mkdirSync(join(root, dir), { recursive: true });
      writeFileSync(join(root, dir, "package.json"), JSON.stringify({ name, version: "0.1.0", private: name !== "@acs-modular/runtime" }));
    }
    execFileSync(process.execPath, [join(REPO_ROOT, "node_modules/@changesets/cli/bin.js"), "version"], { cwd: root, stdio: "pipe", env: { ...process.env, HOME: root, GIT_CONFIG_NOSYSTEM: "1" } });

    expect(pkgVersion(root, "packages/nas/cancel-data-flow-sub-task")).toBe("0.2.0");
    expect(pkgVersion(root, "packages/nas/pause-data-flow-sub-task")).toBe("0.1.0");
    const changelog = readFileSync(join(root, "packages/nas/cancel-data-flow-sub-task/CHANGELOG.md"), "utf8");
    expect(changelog).toContain("## 0.2.0\n\n### Minor Changes\n");
    expect(changelog).toContain("NAS CancelDataFlowSubTask: regenerated from the updated API spec.");
    expect(changelog).toContain("- Added: parameter `Verbose`: added (optional)");
    expect(readFileSync(join(root, "packages/nas/pause-data-flow-sub-task/CHANGELOG.md"), "utf8")).toContain("## 0.1.0\n\n### Minor Changes\n");
    expect(changesetFiles(root)).toEqual([]);
    // And the generator agrees with the released versions afterwards: nothing to regenerate.
    renameSync(join(root, "baseline-specs"), join(root, "..", `baseline-${Date.now()}`));
    // changesets rewrites package.json as JSON.stringify(…, null, 2); the template prints it the same way.
    expect((await generate({ rootDir: root, check: true })).changed).toEqual([]);
  }, 120_000);
});

describe("git baseline", () => {
  // Never read the developer's git configuration: a throwaway HOME and no system config.
  beforeEach(() => {
    vi.stubEnv("GIT_CONFIG_NOSYSTEM", "1");
    vi.stubEnv("GIT_CONFIG_GLOBAL", "/dev/null");
  });
  afterEach(() => vi.unstubAllEnvs());

  function git(root: string, ...args: string[]): void {
    execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false", ...args], { cwd: root, stdio: "pipe" });
  }

  it("diffs against the specs committed at HEAD and keeps committed changesets", () => {
    const root = tempRepoWithSpecs();
    mkdirSync(join(root, ".changeset"));
    writeFileSync(join(root, ".changeset", "acs-gen-nas-old-00000000.md"), '---\n"@acs-modular/nas-old": minor\n---\n\nEarlier change.\n');
    git(root, "init", "-q");
    git(root, "add", ".");
    git(root, "commit", "-q", "-m", "base");
    editFile(join(root, CANCEL), (t) => t.replace("      responses:", EXTRA_PARAM));
    const plan = planChangesets(root, join(root, "specs"));
    expect(plan.baseline).toBe("git HEAD");
    expect(plan.diff!.operations.map((o) => [o.action, o.bump])).toEqual([["CancelDataFlowSubTask", "minor"]]);
    const result = writeChangesets(root, plan);
    expect(result.removed).toEqual([]);
    expect(changesetFiles(root)).toEqual(["acs-gen-nas-cancel-data-flow-sub-task-" + result.files[0]!.slice(-11, -3) + ".md", "acs-gen-nas-old-00000000.md"]);
  });

  it("has no baseline outside a git repository, and then writes nothing", () => {
    const root = tempRepoWithSpecs();
    const plan = planChangesets(root, join(root, "specs"));
    expect(plan.diff).toBeUndefined();
    expect(writeChangesets(root, plan)).toEqual({ baseline: "git HEAD", compared: false, files: [], removed: [] });
    expect(changesetFiles(root)).toEqual([]);
  });
});
