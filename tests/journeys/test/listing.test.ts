// A user lists every data flow of a file system: the paginator follows NextToken over three pages served by a
// local server, sending each page's token, and the items helper flattens them.
import { afterEach, describe, expect, it } from "vitest";
import { jsonReply, type FakeServer } from "@acs-modular/testing";
import { paginateDescribeDataFlows, paginateDescribeDataFlowsItems } from "../../../packages/nas/describe-data-flows/src/index.ts";
import { localNas, queryValue } from "./support.js";

const PAGES: Record<string, { ids: string[]; next?: string }> = {
  "": { ids: ["df-1", "df-2"], next: "t-2" },
  "t-2": { ids: ["df-3"], next: "t-3" },
  "t-3": { ids: ["df-4"] },
};

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serveDataFlows() {
  const nas = await localNas((request) => {
    const page = PAGES[queryValue(request.query, "NextToken") ?? ""]!;
    return jsonReply(200, { RequestId: "r", DataFlowInfo: { DataFlow: page.ids.map((DataFlowId) => ({ DataFlowId })) }, ...(page.next ? { NextToken: page.next } : {}) });
  });
  server = nas.server;
  return nas.client;
}

describe("listing with a paginator", () => {
  it("lists three pages from a local server, one request each, sending the previous page's token", async () => {
    const client = await serveDataFlows();
    const pages = [];
    for await (const page of paginateDescribeDataFlows(client, { FileSystemId: "cpfs-1" }, { pageSize: 10 })) pages.push(page);
    expect(pages.map((p) => p.DataFlowInfo?.DataFlow?.map((d) => d.DataFlowId))).toEqual([["df-1", "df-2"], ["df-3"], ["df-4"]]);
    expect(server!.requests.map((r) => [queryValue(r.query, "NextToken"), queryValue(r.query, "MaxResults"), queryValue(r.query, "FileSystemId")])).toEqual([
      [undefined, "10", "cpfs-1"],
      ["t-2", "10", "cpfs-1"],
      ["t-3", "10", "cpfs-1"],
    ]);
  });

  it("gives the items of every page as one sequence, and stops calling when the loop stops", async () => {
    const client = await serveDataFlows();
    const ids: string[] = [];
    for await (const flow of paginateDescribeDataFlowsItems(client, { FileSystemId: "cpfs-1" })) {
      ids.push(flow.DataFlowId!);
      if (ids.length === 3) break;
    }
    expect(ids).toEqual(["df-1", "df-2", "df-3"]);
    expect(server!.requests).toHaveLength(2);
  });
});
