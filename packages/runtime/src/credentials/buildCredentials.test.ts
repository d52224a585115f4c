import { describe, expect, it } from "vitest";
import { buildCredentials, isNonEmptyString } from "./buildCredentials.js";

describe("buildCredentials", () => {
  it("keeps all given fields", () => {
    const expiration = new Date("2030-01-01T00:00:00Z");
    expect(buildCredentials({ accessKeyId: "id", accessKeySecret: "s", securityToken: "t", expiration })).toEqual({
      accessKeyId: "id",
      accessKeySecret: "s",
      securityToken: "t",
      expiration,
    });
  });

  it("omits absent or empty optional fields instead of setting them to undefined", () => {
    const c = buildCredentials({ accessKeyId: "id", accessKeySecret: "s", securityToken: "", expiration: undefined });
    expect(Object.keys(c).sort()).toEqual(["accessKeyId", "accessKeySecret"]);
  });

  it("returns a frozen object so shared cached credentials cannot be mutated", () => {
    expect(Object.isFrozen(buildCredentials({ accessKeyId: "id", accessKeySecret: "s" }))).toBe(true);
  });
});

describe("isNonEmptyString", () => {
  it("accepts strings with a non-blank character only", () => {
    expect(isNonEmptyString("a")).toBe(true);
    expect(isNonEmptyString("")).toBe(false);
    expect(isNonEmptyString("  ")).toBe(false);
    expect(isNonEmptyString(undefined)).toBe(false);
    expect(isNonEmptyString(42)).toBe(false);
  });
});
