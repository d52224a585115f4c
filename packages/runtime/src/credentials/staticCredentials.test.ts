import { describe, expect, it } from "vitest";
import { CredentialsError } from "../errors/CredentialsError.js";
import { fromStatic } from "./staticCredentials.js";

describe("fromStatic", () => {
  it("returns the given key pair", async () => {
    await expect(fromStatic({ accessKeyId: "AKID", accessKeySecret: "SECRET" }).getCredentials()).resolves.toEqual({
      accessKeyId: "AKID",
      accessKeySecret: "SECRET",
    });
  });

  it("includes a security token when given", async () => {
    const c = await fromStatic({ accessKeyId: "AKID", accessKeySecret: "SECRET", securityToken: "TOKEN" }).getCredentials();
    expect(c.securityToken).toBe("TOKEN");
  });

  it("treats an empty or undefined security token as none", async () => {
    const a = await fromStatic({ accessKeyId: "AKID", accessKeySecret: "S", securityToken: "" }).getCredentials();
    const b = await fromStatic({ accessKeyId: "AKID", accessKeySecret: "S", securityToken: undefined }).getCredentials();
    expect("securityToken" in a).toBe(false);
    expect("securityToken" in b).toBe(false);
  });

  it("rejects an empty accessKeyId with a CredentialsError naming the field", async () => {
    const p = fromStatic({ accessKeyId: "", accessKeySecret: "SECRET" }).getCredentials();
    await expect(p).rejects.toBeInstanceOf(CredentialsError);
    await expect(p).rejects.toThrow("static: accessKeyId is empty");
  });

  it("rejects a blank accessKeySecret", async () => {
    await expect(fromStatic({ accessKeyId: "AKID", accessKeySecret: "  " }).getCredentials()).rejects.toThrow(
      "static: accessKeySecret is empty",
    );
  });

  it("names both fields when both are empty", async () => {
    await expect(fromStatic({ accessKeyId: "", accessKeySecret: "" }).getCredentials()).rejects.toThrow(
      "accessKeyId and accessKeySecret are empty",
    );
  });

  it("does not throw synchronously, so callers handle failures through the promise", () => {
    expect(() => fromStatic({ accessKeyId: "", accessKeySecret: "" })).not.toThrow();
  });

  it("rejects non-string values passed from untyped JavaScript", async () => {
    const input = { accessKeyId: undefined, accessKeySecret: "S" } as unknown as { accessKeyId: string; accessKeySecret: string };
    await expect(fromStatic(input).getCredentials()).rejects.toBeInstanceOf(CredentialsError);
  });
});
