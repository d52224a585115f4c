import type { SpecDiff } from "./types.js";

const MARK = { breaking: "!", additive: "+", patch: "~" } as const;

/**
 * The diff as a review-friendly report: a summary line, then one block per operation with its bump and
 * one line per change (`!` breaking, `+` additive, `~` patch).
 */
export function formatDiff(diff: SpecDiff): string {
  const c = diff.counts;
  const lines = [
    `${diff.operations.length} operation(s) changed: ${c.operations.major} major, ${c.operations.minor} minor, ${c.operations.patch} patch ` +
      `(${c.added} added, ${c.removed} removed); ${c.operations.unchanged} unchanged.`,
    `changes: ${c.changes.breaking} breaking, ${c.changes.additive} additive, ${c.changes.patch} patch.`,
  ];
  for (const op of diff.operations) {
    lines.push("", `${op.action} (${op.packageName}): ${op.status}, ${op.bump}`);
    for (const ch of op.changes) lines.push(`  ${MARK[ch.class]} ${ch.at}: ${ch.what}`);
  }
  return lines.join("\n");
}
