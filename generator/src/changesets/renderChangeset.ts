// One changeset file (https://github.com/changesets/changesets/blob/main/docs/adding-a-changeset.md) per
// affected package: front matter with the bump, then a summary that becomes the CHANGELOG.md entry.
import { createHash } from "node:crypto";
import type { Change, OperationDiff } from "../diff/types.js";

const WORD = { breaking: "Breaking", additive: "Added", patch: "Changed" } as const;

/** `parameters/Filters[].Key` → parameter `Filters[].Key`; `response.A.B` → response field `A.B`. */
export function describeLocation(at: string): string {
  if (at === "operation") return "operation";
  if (at === "response") return "response";
  if (at.startsWith("parameters/")) return `parameter \`${at.slice("parameters/".length)}\``;
  if (at.startsWith("response.")) return `response field \`${at.slice("response.".length)}\``;
  if (at.startsWith("errors/")) return `error \`${at.slice("errors/".length)}\``;
  return `\`${at}\``;
}

/** One human-readable line per change, breaking first. */
export function changeLines(changes: readonly Change[]): string[] {
  const order = { breaking: 0, additive: 1, patch: 2 } as const;
  return [...changes]
    .sort((a, b) => order[a.class] - order[b.class])
    .map((c) => `- ${WORD[c.class]}: ${describeLocation(c.at)}: ${c.what}`);
}

/** The changeset text for one operation's package. `title` names the operation in prose (`NAS DescribeDataFlows`). */
export function changesetText(op: OperationDiff, title: string): string {
  const head = `---\n${JSON.stringify(op.packageName)}: ${op.bump}\n---\n\n`;
  if (op.status === "added") return `${head}Initial release: ${title}, a new operation of the API.\n`;
  return `${head}${title}: regenerated from the updated API spec.\n\n${changeLines(op.changes).join("\n")}\n`;
}

/** Deterministic file name: the package plus a hash of the content, so re-running generate rewrites the same file. */
export function changesetFileName(packageName: string, text: string): string {
  const slug = packageName.replace(/^@[^/]+\//, "");
  return `acs-gen-${slug}-${createHash("sha256").update(text).digest("hex").slice(0, 8)}.md`;
}

/** Prefix of the changeset files the generator owns (others are the maintainers'). */
export const GENERATED_CHANGESET = /^acs-gen-.+\.md$/;
