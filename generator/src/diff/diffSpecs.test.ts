import { rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { editFile, tempRepoWithSpecs } from "../../test/helpers.js";
import { diffSpecDirs } from "./diffSpecs.js";
import { formatDiff } from "./formatDiff.js";

const FOLDER = "specs/nas/2017-06-26";
const CANCEL = `${FOLDER}/CancelDataFlowSubTask.yaml`;
const DESCRIBE = `${FOLDER}/DescribeDataFlows.yaml`;

/** Diffs the committed specs against a copy changed by `edit`. */
function diffAfter(edit: (root: string) => void) {
  const before = tempRepoWithSpecs();
  const after = tempRepoWithSpecs();
  edit(after);
  return diffSpecDirs(join(before, "specs"), join(after, "specs"));
}

function changesOf(edit: (root: string) => void, action: string) {
  const op = diffAfter(edit).operations.find((o) => o.action === action);
  return { bump: op?.bump, changes: op?.changes.map((c) => `${c.class} ${c.at}: ${c.what}`) ?? [] };
}

const text = (root: string, file: string, from: string | RegExp, to: string) => editFile(join(root, file), (t) => {
  const out = t.replace(from, to);
  if (out === t) throw new Error(`edit did not apply to ${file}: ${String(from)}`);
  return out;
});

describe("diffSpecDirs", () => {
  it("finds nothing between identical trees", () => {
    const diff = diffAfter(() => {});
    expect(diff.operations).toEqual([]);
    expect(diff.counts.operations.unchanged).toBe(15);
  });

  it("classifies a removed operation as major and names its package", () => {
    const diff = diffAfter((r) => rmSync(join(r, CANCEL)));
    expect(diff.operations).toEqual([
      { key: "nas/CancelDataFlowSubTask", action: "CancelDataFlowSubTask", product: "NAS", packageName: "@acs-modular/nas-cancel-data-flow-sub-task", status: "removed", bump: "major", changes: [{ class: "breaking", at: "operation", what: "operation removed" }] },
    ]);
    expect(diff.counts.removed).toBe(1);
  });

  it("classifies an added operation as minor", () => {
    const before = tempRepoWithSpecs();
    rmSync(join(before, CANCEL));
    const diff = diffSpecDirs(join(before, "specs"), join(tempRepoWithSpecs(), "specs"));
    expect(diff.operations.map((o) => [o.action, o.status, o.bump])).toEqual([["CancelDataFlowSubTask", "added", "minor"]]);
    expect(diff.counts.added).toBe(1);
  });

  const moveError = (r: string): void => {
    text(r, CANCEL, /\n\s+- code: MissingTaskId\n\s+message: [^\n]*/, "");
    text(r, CANCEL, "            - code: InvalidTaskId.NotFound", "            - code: MissingTaskId\n              message: moved\n            - code: InvalidTaskId.NotFound");
  };
  const C = "CancelDataFlowSubTask";
  const D = "DescribeDataFlows";
  it.each([
    ["optional → required", C, (r: string) => text(r, CANCEL, /(- name: DryRun\n\s+in: query\n\s+required: )false/, "$1true"), "major", "breaking parameters/DryRun: optional → required"],
    ["a parameter renamed", C, (r: string) => text(r, CANCEL, "- name: DataFlowSubTaskId", "- name: SubTaskId"), "major", "breaking parameters/DataFlowSubTaskId: removed (renamed to SubTaskId?)"],
    ["a type change", C, (r: string) => text(r, CANCEL, /(- name: FileSystemId[\s\S]*?type: )string/, "$1integer"), "major", "breaking parameters/FileSystemId: type string → integer"],
    ["a new optional parameter", C, (r: string) => text(r, CANCEL, "      responses:", "        - name: Extra\n          in: query\n          schema:\n            type: string\n      responses:"), "minor", "additive parameters/Extra: added (optional)"],
    ["a new error code", C, (r: string) => text(r, CANCEL, "            - code: MissingTaskId", "            - code: NewCode\n              message: New.\n            - code: MissingTaskId"), "minor", "additive errors/NewCode: documented error added (HTTP 400)"],
    ["an error code moved to another status", C, moveError, "major", "breaking errors/MissingTaskId: HTTP status 400 → 404"],
    ["a response field removed", D, (r: string) => text(r, DESCRIBE, /\n\s+RequestId:\n\s+type: string\n\s+example: [^\n]*\n\s+description: The request ID\.[^\n]*/, ""), "major", "breaking response.RequestId: removed"],
    ["a response field added", C, (r: string) => text(r, CANCEL, "                properties:\n", "                properties:\n                  Extra:\n                    type: string\n"), "minor", "additive response.Extra: added"],
    ["a documentation-only edit", C, (r: string) => text(r, CANCEL, "summary: Cancels a data streaming task.", "summary: Cancels a data streaming subtask."), "patch", "patch operation: summary or description changed"],
  ])("classifies %s", (_, action, edit, bump, change) => {
    const result = changesOf(edit, action);
    expect(result.changes).toContain(change);
    expect(result.bump).toBe(bump);
  });

  it("classifies enum values removed from and added to a nested input field", () => {
    const result = changesOf((r) => text(r, DESCRIBE, "                    - DataFlowIds\n                    - FsetIds\n", "                    - DataFlowIds\n                    - NewKey\n"), "DescribeDataFlows");
    expect(result.changes).toEqual(["breaking parameters/Filters[].Key: enum value \"FsetIds\" removed", "additive parameters/Filters[].Key: enum value \"NewKey\" added"]);
    expect(result.bump).toBe("major");
  });

  it("prints a readable report", () => {
    const report = formatDiff(diffAfter((r) => rmSync(join(r, CANCEL))));
    expect(report).toContain("1 operation(s) changed: 1 major, 0 minor, 0 patch (0 added, 1 removed); 14 unchanged.");
    expect(report).toContain("CancelDataFlowSubTask (@acs-modular/nas-cancel-data-flow-sub-task): removed, major\n  ! operation: operation removed");
  });
});
