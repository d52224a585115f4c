import { describe, expect, it } from "vitest";
import { AcsClient } from "../client.js";
import { AbortError } from "../errors/AbortError.js";
import { paginate, paginateItems, type PaginationDescriptor } from "./paginate.js";

const client = new AcsClient({ region: "cn-hangzhou", credentials: { accessKeyId: "id", accessKeySecret: "secret" } });
const tokens: PaginationDescriptor = { style: "token", inputToken: "NextToken", outputToken: "NextToken", pageSize: "MaxResults", items: "Info.Items" };

/** An operation answering from `pages` by token ("" → first), recording every input it got. */
function tokenOperation(pages: Record<string, { items: number[]; next?: string }>) {
  const inputs: Record<string, unknown>[] = [];
  const call = async (_client: AcsClient, input: Record<string, unknown>, options?: { signal?: AbortSignal }) => {
    if (options?.signal?.aborted) throw new AbortError(options.signal.reason);
    inputs.push(input);
    const page = pages[(input.NextToken as string | undefined) ?? ""]!;
    return { RequestId: "r", Info: { Items: page.items }, ...(page.next ? { NextToken: page.next } : {}) };
  };
  return { call, inputs };
}

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe("paginate (token)", () => {
  it("follows NextToken over three pages, keeping the input, and stops when the answer has none", async () => {
    const op = tokenOperation({ "": { items: [1, 2], next: "t2" }, t2: { items: [3], next: "t3" }, t3: { items: [4] } });
    const pages = await all(paginate(op.call, tokens, client, { FileSystemId: "fs" }, { pageSize: 2 }));
    expect(pages.map((p) => p.Info.Items)).toEqual([[1, 2], [3], [4]]);
    expect(op.inputs).toEqual([
      { FileSystemId: "fs", MaxResults: 2 },
      { FileSystemId: "fs", MaxResults: 2, NextToken: "t2" },
      { FileSystemId: "fs", MaxResults: 2, NextToken: "t3" },
    ]);
  });

  it("yields the items of every page as one sequence", async () => {
    const op = tokenOperation({ "": { items: [1, 2], next: "t2" }, t2: { items: [3] } });
    expect(await all(paginateItems(op.call, tokens, client, {}))).toEqual([1, 2, 3]);
  });

  it("requests pages lazily: breaking out of the loop makes no further call", async () => {
    const op = tokenOperation({ "": { items: [1], next: "t2" }, t2: { items: [2], next: "t3" }, t3: { items: [3] } });
    for await (const page of paginate(op.call, tokens, client, {})) {
      void page;
      break;
    }
    expect(op.inputs).toHaveLength(1);
  });

  it("stops on a token the service repeats (a loop guard) and after maxPages", async () => {
    const looping = tokenOperation({ "": { items: [1], next: "same" }, same: { items: [2], next: "same" } });
    expect(await all(paginate(looping.call, tokens, client, {}))).toHaveLength(2);
    const many = tokenOperation({ "": { items: [1], next: "a" }, a: { items: [2], next: "b" }, b: { items: [3] } });
    expect(await all(paginate(many.call, tokens, client, {}, { maxPages: 2 }))).toHaveLength(2);
    await expect(all(paginate(many.call, tokens, client, {}, { maxPages: 0 }))).rejects.toThrow(RangeError);
  });

  it("passes the signal to every page: an abort stops the listing with an AbortError", async () => {
    const op = tokenOperation({ "": { items: [1], next: "t2" }, t2: { items: [2] } });
    const controller = new AbortController();
    const seen: number[] = [];
    const run = (async () => {
      for await (const item of paginateItems<Record<string, unknown>, unknown, number>(op.call as never, tokens, client, {}, { signal: controller.signal })) {
        seen.push(item);
        controller.abort();
      }
    })();
    await expect(run).rejects.toBeInstanceOf(AbortError);
    expect(seen).toEqual([1]);
  });
});

describe("paginate (page numbers)", () => {
  const pageStyle: PaginationDescriptor = { style: "page", pageNumber: "PageNumber", pageSize: "PageSize", totalCount: "TotalCount", items: "Things" };
  const data = [1, 2, 3, 4, 5];
  const call = async (_c: AcsClient, input: { PageNumber: number; PageSize: number }) => {
    const start = (input.PageNumber - 1) * input.PageSize;
    return { TotalCount: data.length, Things: data.slice(start, start + input.PageSize) };
  };

  it("counts pages up until the total is reached", async () => {
    const pages = await all(paginate(call as never, pageStyle, client, { PageSize: 2 } as never));
    expect(pages.map((p) => (p as { Things: number[] }).Things)).toEqual([[1, 2], [3, 4], [5]]);
  });

  it("starts from the input's page number, and stops on an empty page without a total", async () => {
    const noTotal = async (c: AcsClient, input: { PageNumber: number; PageSize: number }) => ({ Things: (await call(c, input)).Things });
    const items = await all(paginateItems(noTotal as never, { ...pageStyle, totalCount: undefined } as never, client, { PageSize: 2, PageNumber: 2 } as never));
    expect(items).toEqual([3, 4, 5]);
  });

  it("counts by page size when the answer has no list, and asks for a page size up front", async () => {
    const totalOnly = async (c: AcsClient, input: { PageNumber: number; PageSize: number }) => ({ TotalCount: (await call(c, input)).TotalCount });
    const { items: _items, ...noItems } = pageStyle;
    expect(await all(paginate(totalOnly as never, noItems, client, {} as never, { pageSize: 2 }))).toHaveLength(3);
    await expect(all(paginate(totalOnly as never, noItems, client, {} as never))).rejects.toThrow(/pageSize/);
  });
});
