import { describe, expect, it } from "vitest";
import { CredentialsError } from "../errors/CredentialsError.js";
import { isSourceNotFound, sourceBroken, sourceNotFound } from "./sourceErrors.js";

describe("sourceErrors", () => {
  it("sourceNotFound builds a CredentialsError prefixed by the source, marked as not found", () => {
    const error = sourceNotFound("env", "X not set");
    expect(error).toBeInstanceOf(CredentialsError);
    expect(error.message).toBe("env: X not set");
    expect(error.tried).toEqual(["env: X not set"]);
    expect(isSourceNotFound(error)).toBe(true);
  });

  it("sourceBroken is a CredentialsError that is not marked as not found", () => {
    const error = sourceBroken("ini file", "bad");
    expect(error).toBeInstanceOf(CredentialsError);
    expect(error.message).toBe("ini file: bad");
    expect(isSourceNotFound(error)).toBe(false);
  });

  it("the not-found mark is invisible to JSON and key enumeration", () => {
    const error = sourceNotFound("env", "X not set");
    expect(Object.keys(error)).not.toContain("sourceNotFound");
    expect(JSON.stringify(error)).not.toContain("sourceNotFound");
  });

  it("isSourceNotFound rejects foreign values", () => {
    expect(isSourceNotFound(new Error("x"))).toBe(false);
    expect(isSourceNotFound(new CredentialsError("x"))).toBe(false);
    expect(isSourceNotFound(null)).toBe(false);
    expect(isSourceNotFound("env: x")).toBe(false);
  });
});
