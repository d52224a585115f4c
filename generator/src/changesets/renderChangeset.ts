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

/**
 * The release type of a change to a package at `version`: its bump, except that a breaking change of a 0.x
 * package is a minor release (0.1.0 → 0.2.0), as semver has it for 0.x: caret ranges (`^0.1.0`) never take
 * another 0.x minor, so users are protected either way, and every package reaches 1.0.0 when the project
 * declares 1.0 rather than one by one through the spec changes that happen to break it.
 */
export function releaseType(bump: OperationDiff["bump"], version: string | undefined): OperationDiff["bump"] {
  return bump === "major" && version !== undefined && /^0\./.test(version) ? "minor" : bump;
}

/**
 * The changeset text for one operation's package at `version` (its package.json version, when it exists).
 * `title` names the operation in prose (`NAS DescribeDataFlows`).
 */
export function changesetText(op: OperationDiff, title: string, version?: string): string {
  const type = releaseType(op.bump, version);
  const head = `---\n${JSON.stringify(op.packageName)}: ${type}\n---\n\n`;
  if (op.status === "added") return `${head}Initial release: ${title}, a new operation of the API.\n`;
  const note = type !== op.bump ? " Breaking changes are released as a minor while the package is 0.x." : "";
  return `${head}${title}: regenerated from the updated API spec.${note}\n\n${changeLines(op.changes).join("\n")}\n`;
}

/** Deterministic file name: the package plus a hash of the content, so re-running generate rewrites the same file. */
export function changesetFileName(packageName: string, text: string): string {
  const slug = packageName.replace(/^@[^/]+\//, "");
  return `acs-gen-${slug}-${createHash("sha256").update(text).digest("hex").slice(0, 8)}.md`;
}

/** Prefix of the changeset files the generator owns (others are the maintainers'). */
export const GENERATED_CHANGESET = /^acs-gen-.+\.md$/;
