// What every operation does the same way, checked for each operation through its own descriptor and
// functions, with a transport stub (no network): the behaviours the runtime implements once.
import { expect, it } from "vitest";
import { fixtureInput } from "../fixtures/specExampleFixtures.js";
import type { OperationModel } from "../model/types.js";

/** What the suite needs from a generated package's module. */
export interface OperationModule {
  readonly AcsClient: new (config: object) => unknown;
  readonly call: (client: unknown, input: unknown, options?: unknown) => Promise<unknown>;
  readonly descriptor: unknown;
  readonly isOperationError: (error: unknown) => boolean;
  readonly isDocumentedError: (error: unknown) => boolean;
  readonly functionDescriptor: unknown;
  /** The paginator, for paginated operations. */
  readonly paginate?: ((client: unknown, input: unknown, options?: unknown) => AsyncIterable<unknown>) | undefined;
}

interface StubRequest {
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string | Uint8Array | undefined;
}

type StubReply = { status: number; headers: Record<string, string>; body: string };

const errorReply = (status: number, code: string): StubReply => ({
  status,
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ RequestId: `REQ-${code}`, Code: code, Message: "stub" }),
});

/** A success answer of the operation's kind of body. */
function successReply(model: OperationModel): StubReply {
  const body = model.response === "array" ? "[]" : model.response === "string" || model.response === "binary" ? "ok" : "{}";
  return { status: 200, headers: { "content-type": "application/json" }, body };
}

/** A client whose transport answers with `replies` in turn (the last one repeats) and records what was sent. */
function stubClient(mod: OperationModule, replies: StubReply[]): { client: unknown; sent: StubRequest[] } {
  const sent: StubRequest[] = [];
  const client = new mod.AcsClient({
    region: "cn-hangzhou",
    credentials: { accessKeyId: "STUBKEYID", accessKeySecret: "stub-secret" },
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
    transport: (request: StubRequest) => {
      sent.push(request);
      return Promise.resolve(replies[Math.min(sent.length - 1, replies.length - 1)]!);
    },
  });
  return { client, sent };
}

/** `value` with `leaf` set at the dotted `path` (objects created on the way). */
function withValueAt(value: Record<string, unknown>, path: string, leaf: unknown): Record<string, unknown> {
  const keys = path.split(".");
  let node = value;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys.at(-1)!] = leaf;
  return value;
}

/** The value of parameter `name` as the request carries it (query, header or form body). */
function sentValue(model: OperationModel, request: StubRequest, name: string): string | undefined {
  const param = model.parameters.find((p) => p.name === name)!;
  if (param.location === "header") return request.headers[name.toLowerCase()];
  const query = new URLSearchParams(request.path.split("?")[1] ?? "");
  if (param.location === "query") return query.get(name) ?? undefined;
  return new URLSearchParams(typeof request.body === "string" ? request.body : "").get(name) ?? undefined;
}

function tokenOf(model: OperationModel, request: StubRequest): string | undefined {
  return sentValue(model, request, model.idempotencyToken!);
}

/** A page size the operation accepts: its page-size parameter's minimum, else 1. */
function pageSizeOf(model: OperationModel): number {
  const name = model.pagination?.pageSize;
  const schema = name === undefined ? undefined : model.parameters.find((p) => p.name === name)?.schema;
  return Math.max(1, schema?.minimum ?? 1);
}

/**
 * Three pages of the operation's paging style, one item each, the first two pointing to the next; a page-number
 * paginator without a total learns the end from an empty fourth page.
 */
function threePages(model: OperationModel): StubReply[] {
  const p = model.pagination!;
  const emptyEnd = p.style === "page" && p.totalCount === undefined;
  return [0, 1, 2, 3].slice(0, emptyEnd ? 4 : 3).map((i) => {
    const body: Record<string, unknown> = {};
    if (p.items !== undefined) withValueAt(body, p.items, i < 3 ? [{}] : []);
    if (p.style === "page" && p.totalCount !== undefined) withValueAt(body, p.totalCount, p.items === undefined ? 3 * pageSizeOf(model) : 3);
    if (p.style !== "page" && i < 2) withValueAt(body, p.outputToken!, `page-${i + 2}`);
    return { status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
  });
}

/** Declares the shared-behaviour tests of one operation; `load` imports its package. */
export function sharedBehaviours(model: OperationModel, load: () => Promise<OperationModule>): void {
  const required = model.parameters.filter((p) => p.required).map((p) => p.name);

  it("exports its descriptor on the function", async () => {
    const mod = await load();
    expect(mod.functionDescriptor).toBe(mod.descriptor);
  });

  if (required.length > 0) it("rejects a call without each required parameter, sending nothing", async () => {
    const mod = await load();
    for (const name of required) {
      const { client, sent } = stubClient(mod, [successReply(model)]);
      const input = { ...fixtureInput(model) };
      delete input[name];
      const error = await mod.call(client, input).catch((e: unknown) => e);
      expect((error as { name?: string }).name, name).toBe("ValidationError");
      expect((error as { field?: string }).field).toBe(name);
      expect(sent).toHaveLength(0);
    }
  });

  const token = model.idempotencyToken === undefined ? undefined : model.parameters.find((p) => p.name === model.idempotencyToken);
  if (token !== undefined) it("sends one idempotency token (generated unless required) on every retry of a throttled call", async () => {
    const mod = await load();
    const { client, sent } = stubClient(mod, [errorReply(503, "Throttling.User"), errorReply(503, "Throttling.User"), successReply(model)]);
    const input = { ...fixtureInput(model) };
    // A token the spec requires is the caller's to give; an optional one the runtime fills when omitted.
    if (token!.required) input[token!.name] = "caller-token-1";
    else delete input[token!.name];
    await mod.call(client, input);
    const tokens = sent.map((r) => tokenOf(model, r));
    expect(tokens).toHaveLength(3);
    expect(tokens[0]).toMatch(token!.required ? /^caller-token-1$/ : /^[0-9a-f-]{36}$/);
    expect(new Set(tokens).size).toBe(1);
  });

  if (model.pagination !== undefined) it(`lists three pages with its ${model.pagination.style} paginator, sending each page's position`, async () => {
    const mod = await load();
    const p = model.pagination!;
    const { client, sent } = stubClient(mod, threePages(model));
    const input = { ...fixtureInput(model) };
    for (const key of [p.inputToken, p.pageNumber, p.pageSize]) if (key !== undefined) delete input[key];
    const pages: unknown[] = [];
    const replies = threePages(model).length;
    // maxPages bounds a paginator that would not stop: the assertion below then names the problem.
    for await (const page of mod.paginate!(client, input, { pageSize: pageSizeOf(model), maxPages: 10 })) pages.push(page);
    expect(pages).toHaveLength(replies);
    const positions = sent.map((r) => sentValue(model, r, p.style === "page" ? p.pageNumber! : p.inputToken!));
    expect(positions).toEqual(p.style === "page" ? ["1", "2", "3", "4"].slice(0, replies) : [undefined, "page-2", "page-3"]);
  });

  it("tells its documented errors (code and status) from other service errors", async () => {
    const mod = await load();
    const answer = async (status: number, code: string): Promise<unknown> => {
      const { client } = stubClient(mod, [errorReply(status, code)]);
      return mod.call(client, fixtureInput(model), { maxAttempts: 1 }).catch((e: unknown) => e);
    };
    const undocumented = await answer(400, "Some.Undocumented.Code");
    expect(mod.isOperationError(undocumented)).toBe(true);
    expect(mod.isDocumentedError(undocumented)).toBe(false);
    const first = model.errors[0];
    if (first !== undefined) {
      expect(mod.isDocumentedError(await answer(first.httpStatus, first.code))).toBe(true);
      const otherStatus = model.errors.some((e) => e.code === first.code && e.httpStatus === 599) ? 598 : 599;
      expect(mod.isDocumentedError(await answer(otherStatus, first.code))).toBe(false);
    }
  });
}
