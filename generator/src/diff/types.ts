/**
 * How a change affects users of the generated package: `breaking` → major, `additive` → minor,
 * `patch` → patch (documentation, and changes invisible to the types such as a new wire encoding).
 */
export type ChangeClass = "breaking" | "additive" | "patch";

export type Bump = "major" | "minor" | "patch";

export const BUMP_OF: Readonly<Record<ChangeClass, Bump>> = { breaking: "major", additive: "minor", patch: "patch" };

/** One difference between the old and the new spec of an operation. */
export interface Change {
  readonly class: ChangeClass;
  /** Where: `parameters/Filters[].Key`, `response/DataFlowInfo.DataFlow[].Status`, `errors/InvalidTaskId.NotFound`. */
  readonly at: string;
  /** Short verb-first summary, e.g. `removed`, `type string → integer`, `enum value "x" added`. */
  readonly what: string;
}

export interface OperationDiff {
  /** `<code>/<Action>` — the same key in both trees. */
  readonly key: string;
  readonly action: string;
  /** Product as Alibaba spells it (`NAS`). */
  readonly product: string;
  readonly packageName: string;
  readonly status: "added" | "removed" | "changed";
  readonly bump: Bump;
  readonly changes: readonly Change[];
}

export interface SpecDiff {
  /** Only operations with at least one change, sorted by key. */
  readonly operations: readonly OperationDiff[];
  /** Operations per bump, and changes per class. */
  readonly counts: {
    readonly operations: Readonly<Record<Bump | "unchanged", number>>;
    readonly changes: Readonly<Record<ChangeClass, number>>;
    readonly added: number;
    readonly removed: number;
  };
}

export interface DiffOptions {
  /**
   * The new specs come from request-only metadata (no responses, error codes or descriptions): compare
   * requests only, instead of reporting every response and description as removed.
   */
  readonly requestsOnly?: boolean;
}
