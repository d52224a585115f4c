// Type assertions over the generated rpc-query packages: each `@ts-expect-error` must be an error, each other
// line must compile (strict, exactOptionalPropertyTypes). Copied next to the generated packages and typechecked.
import { describeThings, paginateDescribeThings, paginateDescribeThingsItems, type AcsClient, type DescribeThingsItem } from "./describe-things/src/index.ts";
import { createThing, isCreateThingDocumentedError, isCreateThingError, type CreateThingErrorCode } from "./create-thing/src/index.ts";
import { oldThing } from "./old-thing/src/index.ts";

declare const client: AcsClient;
declare const caught: unknown;

// An operation without required parameters takes no input at all.
void describeThings(client);
void oldThing(client);
// Enums are literal unions, a boolean enum takes booleans, limits are not types.
void describeThings(client, { Filter: { Key: "Status", Values: ["a"] }, Verbose: true, PageSize: 10 });
// @ts-expect-error not one of the enum's values
void describeThings(client, { Filter: { Key: "Colour" } });
// @ts-expect-error an unknown parameter
void describeThings(client, { Nope: 1 });
// A free-form object takes any keys; a map takes its values' type.
void describeThings(client, { Extra: { anything: [1, "two"] }, Labels: { team: "core" } });
// @ts-expect-error a map of strings
void describeThings(client, { Labels: { team: 1 } });
// @ts-expect-error absent is not undefined (exactOptionalPropertyTypes)
void describeThings(client, { NextToken: undefined });

// Required parameters are required; the idempotency token is optional (the runtime fills it).
void createThing(client, { RegionId: "cn-hangzhou", Name: "thing-1" });
// @ts-expect-error Name is required
void createThing(client, { RegionId: "cn-hangzhou" });

// Error codes are open, and the documented guard types httpStatus by code.
const code: CreateThingErrorCode = "Some.Undocumented.Code";
void code;
if (isCreateThingError(caught)) {
  const status: number = caught.httpStatus;
  void status;
}
if (isCreateThingDocumentedError(caught) && caught.code === "Conflict") {
  const status: 400 | 409 = caught.httpStatus;
  void status;
  // @ts-expect-error Conflict is documented with 400 and 409 only
  const other: 500 = caught.httpStatus;
  void other;
}

// A list operation has a paginator of pages and one of items, typed by the answer.
async function listing(): Promise<void> {
  for await (const page of paginateDescribeThings(client, { PageSize: 10 }, { maxPages: 3 })) {
    const next: string | undefined = page.NextToken;
    void next;
  }
  for await (const thing of paginateDescribeThingsItems(client)) {
    const item: DescribeThingsItem = thing;
    const size: number | undefined = item.Size;
    void size;
  }
  // @ts-expect-error the paginator's options are the call's plus pageSize and maxPages
  void paginateDescribeThings(client, {}, { pages: 3 });
}
void listing;
