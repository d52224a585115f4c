// What a call validates is what it sends: the input is copied once (own properties, each read once, no
// prototype, bounded), validated, and serialized from that copy. Before, a getter could answer a valid
// string to validation and an object to the serializer (`FileSystemId.injected=…` went out),
// `Object.create(validInput)` passed validation through its prototype and then lost its parameters to the
// token step (only `ClientToken` went out), and an empty `ClientToken` was sent on every attempt of a call
// counted as idempotent.
import { jsonReply, startFakeServer, type FakeServer, type ReceivedRequest } from "@acs-modular/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ValidationError } from "../../src/errors/ValidationError.js";
import { invokeOperation } from "../../src/invokeOperation.js";
import { createThing, filterThings } from "../support/operations.js";
import { rejectionOf, testClient } from "../support/testClient.js";

let server: FakeServer;
let first = 0;
beforeAll(async () => {
  server = await startFakeServer(() => jsonReply(200, { RequestId: "r" }));
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  first = server.requests.length;
});

const sent = (): ReceivedRequest[] => server.requests.slice(first);
const query = (r: ReceivedRequest): Record<string, string> => Object.fromEntries(r.query);

/** Rejects with a ValidationError for `field`, and nothing reached the server. */
async function refused(promise: Promise<unknown>, field: string): Promise<ValidationError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).field).toBe(field);
  expect(sent()).toHaveLength(0);
  return error as ValidationError;
}

describe("one snapshot of the input, validated and sent", () => {
  it("a getter that changes its answer is read once: the value validated is the value sent", async () => {
    let reads = 0;
    const input = {
      get FileSystemId(): unknown {
        return reads++ === 0 ? "fs-1" : { injected: "x" };
      },
    };
    await invokeOperation(testClient(server.host), filterThings, input);
    expect(reads).toBe(1);
    expect(query(sent()[0]!)).toEqual({ FileSystemId: "fs-1" });
  });

  it("a getter that is valid first and invalid later cannot make a retry send something else", async () => {
    let reads = 0;
    const input = {
      get Name(): unknown {
        return reads++ === 0 ? "first" : "second";
      },
    };
    const throttledOnce = await startFakeServer((_r, i) => (i === 0 ? jsonReply(400, { Code: "Throttling.User", RequestId: "t" }) : jsonReply(200, { RequestId: "r" })));
    try {
      await invokeOperation(testClient(throttledOnce.host), createThing, input);
      expect(throttledOnce.requests.map((r) => query(r).Name)).toEqual(["first", "first"]);
      expect(reads).toBe(1);
    } finally {
      await throttledOnce.close();
    }
  });

  it("Object.create(validInput) has no parameters of its own: refused as missing, on a write too, nothing sent", async () => {
    await refused(invokeOperation(testClient(server.host), createThing, Object.create({ Name: "n" }) as object), "Name");
    await refused(invokeOperation(testClient(server.host), filterThings, Object.create({ FileSystemId: "fs-1" }) as object), "FileSystemId");
  });

  it("the token step keeps every parameter of the snapshot", async () => {
    await invokeOperation(testClient(server.host), createThing, { Name: "kept" });
    const q = query(sent()[0]!);
    expect(q.Name).toBe("kept");
    expect(q.ClientToken).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("an empty ClientToken is refused before any I/O (leave it out to get a generated one)", async () => {
    const error = await refused(invokeOperation(testClient(server.host), createThing, { Name: "n", ClientToken: "" }), "ClientToken");
    expect(error.reason).toMatch(/must not be empty/);
  });

  it.each(["constructor", "toString", "hasOwnProperty", "valueOf", "prototype"])("a nested key %s in an object whose fields are listed is refused, nothing sent", async (key) => {
    await refused(invokeOperation(testClient(server.host), filterThings, { FileSystemId: "fs", Filters: [{ Key: "Status", [key]: "x" }] }), `Filters[0].${key}`);
  });

  it("an own __proto__ key is refused, in listed and free-form objects alike", async () => {
    const parsed = (json: string): object => JSON.parse(json) as object;
    await refused(invokeOperation(testClient(server.host), filterThings, { FileSystemId: "fs", Filters: [parsed('{"Key":"Status","__proto__":{"Value":"x"}}')] }), "Filters[0].__proto__");
    await refused(invokeOperation(testClient(server.host), filterThings, { FileSystemId: "fs", Tags: parsed('{"__proto__":"x"}') }), "Tags.__proto__");
    await refused(invokeOperation(testClient(server.host), filterThings, parsed('{"FileSystemId":"fs","__proto__":{"PageSize":1}}')), "__proto__");
  });

  it("such keys holding objects 5 000 levels deep are a ValidationError, not a stack overflow", async () => {
    for (const key of ["constructor", "toString", "hasOwnProperty", "__proto__"]) {
      let deep: object = {};
      for (let i = 0; i < 5_000; i++) deep = Object.defineProperty({}, key, { value: deep, enumerable: true });
      const error = await rejectionOf(invokeOperation(testClient(server.host), filterThings, { FileSystemId: "fs", Tags: deep, Filters: [deep] }));
      expect(error).toBeInstanceOf(ValidationError);
    }
    expect(sent()).toHaveLength(0);
  });

  it("in a free-form map, constructor, toString and prototype are plain data and are sent as such", async () => {
    await invokeOperation(testClient(server.host), filterThings, { FileSystemId: "fs", Tags: { constructor: "a", toString: "b", prototype: "c" } });
    expect(query(sent()[0]!)).toEqual({ FileSystemId: "fs", "Tags.constructor": "a", "Tags.toString": "b", "Tags.prototype": "c" });
  });
});
