import type { AcsClient, CallOptions } from "../client.js";
import { ValidationError } from "../errors/ValidationError.js";
import { valueAt } from "./valueAt.js";

/**
 * How an operation pages its results (from the spec's `x-acs-pagination`):
 * - `token`: the answer's `outputToken` (`NextToken`) is sent back as `inputToken` until it is empty;
 * - `marker`: the same with markers (`NextMarker` → `Marker`);
 * - `page`: `pageNumber` counts up from the input's (or 1) until a page is empty or `totalCount` is reached.
 * @public
 */
export interface PaginationDescriptor {
  readonly style: "token" | "marker" | "page";
  /** Input parameter carrying the token or marker. */
  readonly inputToken?: string;
  /** Dotted path of the next token or marker in the answer. */
  readonly outputToken?: string;
  /** Input parameter of the page size (`MaxResults`, `PageSize`). */
  readonly pageSize?: string;
  /** Input parameter of the page number (`page` style). */
  readonly pageNumber?: string;
  /** Dotted path of the total count in the answer (`page` style). */
  readonly totalCount?: string;
  /** Dotted path of the list of items in the answer (`DataFlowInfo.DataFlow`). */
  readonly items?: string;
}

/** Options of a paginator: the call options of every page, a page size and a page limit. @public */
export interface PaginateOptions extends CallOptions {
  /** Sent as the operation's page-size parameter on every page, unless the input sets one. */
  readonly pageSize?: number;
  /** Stops after this many pages (default: until the service says there are no more). */
  readonly maxPages?: number;
}

/** An operation function, as generated packages export it. @public */
export type PagedOperation<I, O> = (client: AcsClient, input: I, options?: CallOptions) => Promise<O>;

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}

/**
 * The pages of a paginated operation, one call each, lazily: the next page is requested when the loop asks
 * for it, so breaking out of a `for await` stops the calls. Every page call gets `options` (its `signal`
 * cancels the page in flight and the rest). Stops when the service returns no next token (or the same token
 * again: a loop guard), when a `page`-style page is empty or the total is reached, or after `maxPages`.
 * @public
 */
export async function* paginate<I extends object, O>(
  call: PagedOperation<I, O>,
  pagination: PaginationDescriptor,
  client: AcsClient,
  input: I,
  options: PaginateOptions = {},
): AsyncGenerator<O, void, undefined> {
  const { pageSize, maxPages, ...callOptions } = options;
  if (maxPages !== undefined && (!Number.isInteger(maxPages) || maxPages < 1)) throw new RangeError("maxPages must be an integer ≥ 1");
  const base: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  if (pageSize !== undefined && pagination.pageSize !== undefined && base[pagination.pageSize] === undefined) base[pagination.pageSize] = pageSize;
  let pages = 0;
  if (pagination.style === "page") {
    const numberParam = pagination.pageNumber!;
    let pageNumber = typeof base[numberParam] === "number" ? (base[numberParam] as number) : 1;
    const size = pagination.pageSize === undefined ? undefined : base[pagination.pageSize];
    // Without a list of items to count, the end is where page number × page size reaches the total.
    if (pagination.items === undefined && typeof size !== "number") {
      throw new ValidationError("paginate", pagination.pageSize ?? "pageSize", "is needed to page this operation (its answer has no list of items to count): pass it in the input or as options.pageSize");
    }
    let seen = (pageNumber - 1) * (typeof size === "number" ? size : 0);
    for (;;) {
      const page = await call(client, { ...base, [numberParam]: pageNumber } as I, callOptions);
      pages++;
      yield page;
      const items = pagination.items === undefined ? undefined : valueAt(page, pagination.items);
      const count = Array.isArray(items) ? items.length : pagination.items === undefined ? (size as number) : 0;
      seen += count;
      const total = pagination.totalCount === undefined ? undefined : valueAt(page, pagination.totalCount);
      if (count === 0 || (typeof total === "number" && seen >= total) || (maxPages !== undefined && pages >= maxPages)) return;
      if (typeof total !== "number" && pagination.items === undefined) return;
      pageNumber++;
    }
  }
  const tokenParam = pagination.inputToken!;
  let token = base[tokenParam];
  for (;;) {
    const page = await call(client, (isEmpty(token) ? base : { ...base, [tokenParam]: token }) as I, callOptions);
    pages++;
    yield page;
    const next = valueAt(page, pagination.outputToken!);
    if (isEmpty(next) || next === token || (maxPages !== undefined && pages >= maxPages)) return;
    token = next;
  }
}

/**
 * The items of every page of a paginated operation (the list at `pagination.items` of each answer), lazily,
 * as one sequence. See {@link paginate}.
 * @public
 */
export async function* paginateItems<I extends object, O, T>(
  call: PagedOperation<I, O>,
  pagination: PaginationDescriptor,
  client: AcsClient,
  input: I,
  options: PaginateOptions = {},
): AsyncGenerator<T, void, undefined> {
  if (pagination.items === undefined) throw new ValidationError("paginate", "items", "this operation's answer has no documented list of items");
  for await (const page of paginate(call, pagination, client, input, options)) {
    const items = valueAt(page, pagination.items);
    if (Array.isArray(items)) yield* items as T[];
  }
}
