import { describe, expect, it } from "vitest";
import type { OperationDiff } from "../diff/types.js";
import { deprecationNotice, packageNameOfDir } from "./deprecation.js";
import { changeLines, changesetFileName, changesetText, describeLocation, releaseType } from "./renderChangeset.js";

const OP: OperationDiff = {
  key: "nas/DescribeThings",
  action: "DescribeThings",
  product: "NAS",
  packageName: "@acs-modular/nas-describe-things",
  status: "changed",
  bump: "major",
  changes: [
    { class: "patch", at: "operation", what: "summary or description changed" },
    { class: "additive", at: "response.Items[].Size", what: "added" },
    { class: "breaking", at: "parameters/PageSize", what: "type integer (int32) → string" },
  ],
};

describe("changeset text", () => {
  it("names locations in prose", () => {
    expect(["parameters/Filters[].Key", "response.A.B", "errors/Bad.Code", "response", "operation"].map(describeLocation)).toEqual([
      "parameter `Filters[].Key`",
      "response field `A.B`",
      "error `Bad.Code`",
      "response",
      "operation",
    ]);
  });

  it("lists breaking changes first, then additions, then the rest", () => {
    expect(changeLines(OP.changes)).toEqual([
      "- Breaking: parameter `PageSize`: type integer (int32) → string",
      "- Added: response field `Items[].Size`: added",
      "- Changed: operation: summary or description changed",
    ]);
  });

  it("writes front matter with the bump and a file name that follows the content", () => {
    const text = changesetText(OP, "NAS DescribeThings");
    expect(text.startsWith('---\n"@acs-modular/nas-describe-things": major\n---\n\nNAS DescribeThings: regenerated from the updated API spec.\n\n- Breaking:')).toBe(true);
    const name = changesetFileName(OP.packageName, text);
    expect(name).toMatch(/^acs-gen-nas-describe-things-[0-9a-f]{8}\.md$/);
    expect(changesetFileName(OP.packageName, text)).toBe(name);
    expect(changesetFileName(OP.packageName, `${text}x`)).not.toBe(name);
  });
});

describe("deprecation notice", () => {
  it("names the npm package and gives the deprecate command, without unpublishing", () => {
    expect(packageNameOfDir("packages/nas/stop-data-flow")).toBe("@acs-modular/nas-stop-data-flow");
    const notice = deprecationNotice("packages/nas/stop-data-flow");
    expect(notice).toMatch(/^DEPRECATE @acs-modular\/nas-stop-data-flow: /);
    expect(notice).toContain('npm deprecate "@acs-modular/nas-stop-data-flow@*" "');
    expect(notice).not.toContain("unpublish");
  });
});

describe("releaseType", () => {
  it("releases a breaking change of a 0.x package as a minor, and of a 1.x package as a major", () => {
    expect(releaseType("major", "0.1.0")).toBe("minor");
    expect(releaseType("major", "1.4.2")).toBe("major");
    expect(releaseType("major", undefined)).toBe("major");
    expect(releaseType("patch", "0.1.0")).toBe("patch");
  });
});
