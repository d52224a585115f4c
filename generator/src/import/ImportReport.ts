/** One thing the importer could not map as-is: where (operation and field) and what it did instead. */
export interface ImportIssue {
  /** Action name, or `_product` for product-level facts. */
  readonly operation: string;
  /** JSON-path-like location inside the operation: `parameters/Tag/schema/minimum`, `responses/202`. */
  readonly field: string;
  readonly message: string;
}

/** Collects issues for one operation; passed down through the converters. */
export class IssueSink {
  readonly issues: ImportIssue[] = [];

  constructor(private readonly operation: string) {}

  /** Records an issue at `field` (a `/`-separated location inside the operation). */
  report(field: string, message: string): void {
    this.issues.push({ operation: this.operation, field, message });
  }
}

/** Formats issues one per line, `Operation field: message`, for the CLI. */
export function formatIssues(issues: readonly ImportIssue[]): string[] {
  return issues.map((i) => `${i.operation} ${i.field}: ${i.message}`);
}
