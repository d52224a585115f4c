import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { gitBaselineSpecs } from "./gitBaseline.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function repo(): string {
  const root = mkdtempSync(join(tmpdir(), "acs-baseline-test-"));
  dirs.push(root);
  const git = (...args: string[]) => execFileSync("git", ["-C", root, ...args], { stdio: "ignore" });
  git("init", "-q");
  git("config", "user.email", "dev@acs-modular.invalid");
  git("config", "user.name", "acs-modular dev");
  return root;
}

describe("gitBaselineSpecs", () => {
  it("writes every spec as committed at HEAD, byte for byte, whatever the work tree holds now", () => {
    const root = repo();
    const files: Record<string, string> = {
      "nas/2017-06-26/_product.yaml": "code: nas\n",
      "nas/2017-06-26/CancelDataFlowSubTask.yaml": "x-acs-operation: CancelDataFlowSubTask\nsummary: ünïcode → kept\n",
      "nas/2017-06-26/Empty.yaml": "",
      "ecs/2014-05-26/NoTrailingNewline.yaml": "a: 1",
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, "specs", path, ".."), { recursive: true });
      writeFileSync(join(root, "specs", path), text);
    }
    execFileSync("git", ["-C", root, "add", "-A"], { stdio: "ignore" });
    execFileSync("git", ["-C", root, "commit", "-qm", "specs"], { stdio: "ignore" });
    writeFileSync(join(root, "specs/nas/2017-06-26/CancelDataFlowSubTask.yaml"), "edited after the commit\n");
    writeFileSync(join(root, "specs/nas/2017-06-26/New.yaml"), "not committed\n");

    const baseline = gitBaselineSpecs(root, join(root, "specs"))!;
    dirs.push(join(baseline, ".."));
    const written = readdirSync(baseline, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(baseline.length + 1))
      .sort();
    expect(written).toEqual(Object.keys(files).sort());
    for (const [path, text] of Object.entries(files)) expect(readFileSync(join(baseline, path), "utf8")).toBe(text);
  });

  it("is undefined outside a git repository, and an empty tree before the first spec is committed", () => {
    const plain = mkdtempSync(join(tmpdir(), "acs-baseline-plain-"));
    dirs.push(plain);
    mkdirSync(join(plain, "specs"));
    expect(gitBaselineSpecs(plain, join(plain, "specs"))).toBeUndefined();
    const root = repo();
    writeFileSync(join(root, "README.md"), "x\n");
    execFileSync("git", ["-C", root, "add", "-A"], { stdio: "ignore" });
    execFileSync("git", ["-C", root, "commit", "-qm", "first"], { stdio: "ignore" });
    mkdirSync(join(root, "specs"));
    const baseline = gitBaselineSpecs(root, join(root, "specs"))!;
    dirs.push(join(baseline, ".."));
    expect(readdirSync(baseline)).toEqual([]);
  });
});
