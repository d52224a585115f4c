import { describe, expect, it } from "vitest";
import { errorAnswer } from "./errorAnswer.js";
import { Registration, callMatches, type Answer, type CallFilter } from "./registration.js";

const descriptor = { product: "NAS", version: "2017-06-26", action: "CreateDataFlow", idempotencyToken: "ClientToken" };
const call = (input: Record<string, unknown>) => ({ product: "NAS", apiVersion: "2017-06-26", action: "CreateDataFlow", input });
const out = (id: string): Answer => ({ kind: "output", output: { DataFlowId: id } });
const filter = (pattern: unknown, strict = false): CallFilter => ({ descriptor, pattern, strict });

describe("callMatches", () => {
  it("matches its operation only, by product, version and action", () => {
    expect(callMatches(filter(undefined), call({}))).toBe(true);
    expect(callMatches(filter(undefined), { ...call({}), action: "DeleteDataFlow" })).toBe(false);
    expect(callMatches(filter(undefined), { ...call({}), apiVersion: "2099-01-01" })).toBe(false);
    expect(callMatches(filter(undefined), { ...call({}), product: "ECS" })).toBe(false);
  });

  it("leaves the runtime's idempotency token out of a strict comparison unless the pattern names it", () => {
    const input = { FileSystemId: "cpfs-1", SourceStorage: "oss://b", ClientToken: "8c0e-uuid" };
    expect(callMatches(filter({ FileSystemId: "cpfs-1", SourceStorage: "oss://b" }, true), call(input))).toBe(true);
    expect(callMatches(filter({ FileSystemId: "cpfs-1", SourceStorage: "oss://b", ClientToken: "other" }, true), call(input))).toBe(false);
    expect(callMatches(filter({ FileSystemId: "cpfs-1", SourceStorage: "oss://b", ClientToken: "8c0e-uuid" }, true), call(input))).toBe(true);
    expect(callMatches(filter({ FileSystemId: "cpfs-1" }, true), call(input))).toBe(false);
  });
});

describe("Registration", () => {
  it("uses once-answers in order, then the lasting answer for every further call", () => {
    const r = new Registration(filter(undefined));
    r.addOnce(out("1"));
    r.addOnce(out("2"));
    r.setLasting(out("always"));
    expect([r.take(), r.take(), r.take(), r.take()]).toEqual([out("1"), out("2"), out("always"), out("always")]);
    expect(r.canAnswer).toBe(true);
  });

  it("is used up when its once-answers are and it has no lasting one", () => {
    const r = new Registration(filter(undefined));
    expect(r.canAnswer).toBe(false);
    r.addOnce(out("1"));
    expect(r.canAnswer).toBe(true);
    r.take();
    expect(r.canAnswer).toBe(false);
    expect(() => r.take()).toThrow(/no answer left/);
  });

  it("lets a later lasting answer replace an earlier one", () => {
    const r = new Registration(filter(undefined));
    r.setLasting(out("old"));
    r.setLasting(out("new"));
    expect(r.take()).toEqual(out("new"));
  });

  it("describes the operation, the input it matches and what it has left", () => {
    const r = new Registration(filter({ FileSystemId: "cpfs-1" }));
    expect(r.describe()).toBe("NAS CreateDataFlow (2017-06-26), input matching { FileSystemId: 'cpfs-1' } [no answer left]");
    r.addOnce(out("1"));
    r.addOnce(out("2"));
    r.setLasting({ kind: "error", answer: errorAnswer("OperationDenied.NoStock") });
    expect(r.describe()).toBe("NAS CreateDataFlow (2017-06-26), input matching { FileSystemId: 'cpfs-1' } [2 once-answers left, then rejects OperationDenied.NoStock]");
    const s = new Registration(filter({ FileSystemId: "cpfs-1" }, true));
    s.setLasting({ kind: "throw", error: new TypeError("x") });
    expect(s.describe()).toBe("NAS CreateDataFlow (2017-06-26), input equal to { FileSystemId: 'cpfs-1' } [throws TypeError]");
    const t = new Registration(filter(undefined));
    t.setLasting({ kind: "fake", handler: () => ({}) });
    expect(t.describe()).toBe("NAS CreateDataFlow (2017-06-26), any input [calls a fake]");
  });
});
