// Names are a contract: one action name gives the package, folder, function and type names.

/** `CancelDataFlowSubTask` → `cancel-data-flow-sub-task`; `DescribeCPFSFilesets` → `describe-cpfs-filesets`. */
export function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1-$2")
    .replace(/[_\s]+/g, "-")
    .toLowerCase();
}

/**
 * The action as a type-name stem: `CancelDataFlowSubTask` stays; a lower-case or underscored action
 * (`listTagResources`, `get_user_info`) becomes `ListTagResources`, `GetUserInfo`. The wire name is unchanged.
 */
export function pascalCase(name: string): string {
  return name.replace(/_+([A-Za-z0-9])/g, (_, c: string) => c.toUpperCase()).replace(/^[a-z]/, (c) => c.toUpperCase());
}

const RESERVED = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await".split(" "),
);

/** `CancelDataFlowSubTask` → `cancelDataFlowSubTask`; `CPFSList` → `cpfsList`; reserved words get a suffix. */
export function camelCase(name: string): string {
  const out = name.replace(/^[A-Z]+(?=[A-Z][a-z]|[0-9]|$)|^[A-Z]/, (m) => m.toLowerCase());
  return RESERVED.has(out) ? `${out}Operation` : out;
}

/** The names one operation's package uses. */
export interface OperationNames {
  /** `@acs-modular/nas-cancel-data-flow-sub-task` */
  readonly packageName: string;
  /** `packages/nas/cancel-data-flow-sub-task` (relative to the repository root) */
  readonly packageDir: string;
  readonly functionName: string;
  readonly inputType: string;
  readonly outputType: string;
  readonly errorCodeType: string;
  readonly errorType: string;
  readonly documentedErrorType: string;
  readonly errorStatusMap: string;
  readonly errorGuard: string;
  readonly documentedErrorGuard: string;
  readonly descriptorName: string;
  /** The `as const` table of documented error codes and their HTTP statuses. */
  readonly errorTableName: string;
  /** `paginateDescribeDataFlows`: the pages of a paginated operation. */
  readonly paginatorName: string;
  /** `paginateDescribeDataFlowsItems`: the items of every page. */
  readonly itemsPaginatorName: string;
  /** `DescribeDataFlowsItem`: the type of one item. */
  readonly itemType: string;
  /** `describeDataFlowsPagination`: how the operation pages. */
  readonly paginationName: string;
}

export function operationNames(productCode: string, wireAction: string): OperationNames {
  const action = pascalCase(wireAction);
  const kebab = kebabCase(action);
  return {
    packageName: `@acs-modular/${productCode}-${kebab}`,
    packageDir: `packages/${productCode}/${kebab}`,
    functionName: camelCase(action),
    inputType: `${action}Input`,
    outputType: `${action}Output`,
    errorCodeType: `${action}ErrorCode`,
    errorType: `${action}Error`,
    documentedErrorType: `${action}DocumentedError`,
    errorStatusMap: `${action}ErrorStatus`,
    errorGuard: `is${action}Error`,
    documentedErrorGuard: `is${action}DocumentedError`,
    descriptorName: `${camelCase(action).replace(/Operation$/, "")}Descriptor`,
    errorTableName: `${camelCase(action).replace(/Operation$/, "")}Errors`,
    paginatorName: `paginate${action}`,
    itemsPaginatorName: `paginate${action}Items`,
    itemType: `${action}Item`,
    paginationName: `${camelCase(action).replace(/Operation$/, "")}Pagination`,
  };
}
