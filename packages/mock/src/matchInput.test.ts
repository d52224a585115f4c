import { describe, expect, it } from "vitest";
import { matchInput } from "./matchInput.js";

const partial = (actual: unknown, expected: unknown): boolean => matchInput(actual, expected, false);
const strict = (actual: unknown, expected: unknown): boolean => matchInput(actual, expected, true);

describe("matchInput, partial", () => {
  it("matches when every property the expectation names is equal, ignoring the others", () => {
    expect(partial({ FileSystemId: "cpfs-1", MaxResults: 20 }, { FileSystemId: "cpfs-1" })).toBe(true);
    expect(partial({ FileSystemId: "cpfs-1" }, {})).toBe(true);
    expect(partial({ FileSystemId: "cpfs-2" }, { FileSystemId: "cpfs-1" })).toBe(false);
  });

  it("matches nested objects partially too", () => {
    const actual = { Tag: { Key: "env", Value: "prod", Owner: "me" } };
    expect(partial(actual, { Tag: { Key: "env" } })).toBe(true);
    expect(partial(actual, { Tag: { Key: "dev" } })).toBe(false);
    expect(partial({ Tag: "env" }, { Tag: { Key: "env" } })).toBe(false);
    expect(partial({ Tag: null }, { Tag: {} })).toBe(false);
  });

  it("matches arrays of the same length element by element, objects in them partially", () => {
    const actual = { Filters: [{ Key: "FsetIds", Value: "fset-1" }, { Key: "Status", Value: "Running" }] };
    expect(partial(actual, { Filters: [{ Key: "FsetIds" }, { Value: "Running" }] })).toBe(true);
    expect(partial(actual, { Filters: [{ Key: "FsetIds" }] })).toBe(false);
    expect(partial(actual, { Filters: [{ Key: "Status" }, { Key: "FsetIds" }] })).toBe(false);
    expect(partial({ Ids: ["a", "b"] }, { Ids: ["a", "b"] })).toBe(true);
    expect(partial({ Ids: { 0: "a", 1: "b", length: 2 } }, { Ids: ["a", "b"] })).toBe(false);
  });

  it("takes an expected undefined to mean the call leaves the property out", () => {
    expect(partial({ FileSystemId: "cpfs-1" }, { NextToken: undefined })).toBe(true);
    expect(partial({ NextToken: undefined }, { NextToken: undefined })).toBe(true);
    expect(partial({ NextToken: "page-2" }, { NextToken: undefined })).toBe(false);
  });

  it("compares scalars by value and type, NaN equal to itself", () => {
    expect(partial({ MaxResults: 20 }, { MaxResults: 20 })).toBe(true);
    expect(partial({ MaxResults: "20" }, { MaxResults: 20 })).toBe(false);
    expect(partial({ DryRun: false }, { DryRun: false })).toBe(true);
    expect(partial({ DryRun: 0 }, { DryRun: false })).toBe(false);
    expect(partial({ N: Number.NaN }, { N: Number.NaN })).toBe(true);
  });

  it("does not read inherited properties as the call's", () => {
    expect(partial({}, { toString: Object.prototype.toString })).toBe(false);
    expect(partial({}, { constructor: undefined })).toBe(true);
  });

  it("lets asymmetric matchers such as expect.any decide", () => {
    expect(partial({ ClientToken: "5c1e…" }, { ClientToken: expect.any(String) })).toBe(true);
    expect(partial({}, { ClientToken: expect.any(String) })).toBe(false);
    expect(partial({ Path: "/a/b/" }, { Path: expect.stringMatching(/^\/a\//) })).toBe(true);
    expect(partial({ Filters: [{ Key: "FsetIds" }] }, { Filters: expect.arrayContaining([expect.objectContaining({ Key: "FsetIds" })]) })).toBe(true);
  });
});

describe("matchInput, strict", () => {
  it("requires the whole input, at every depth", () => {
    expect(strict({ FileSystemId: "cpfs-1" }, { FileSystemId: "cpfs-1" })).toBe(true);
    expect(strict({ FileSystemId: "cpfs-1", MaxResults: 20 }, { FileSystemId: "cpfs-1" })).toBe(false);
    expect(strict({ Tag: { Key: "env", Value: "prod" } }, { Tag: { Key: "env" } })).toBe(false);
    expect(strict({ Filters: [{ Key: "FsetIds", Value: "x" }] }, { Filters: [{ Key: "FsetIds" }] })).toBe(false);
  });

  it("treats undefined properties as absent, as the wire does", () => {
    expect(strict({ FileSystemId: "cpfs-1", NextToken: undefined }, { FileSystemId: "cpfs-1" })).toBe(true);
    expect(strict({ FileSystemId: "cpfs-1" }, { FileSystemId: "cpfs-1", NextToken: undefined })).toBe(true);
  });
});
