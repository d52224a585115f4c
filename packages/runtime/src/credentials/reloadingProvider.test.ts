import { describe, expect, it } from "vitest";
import { reloadingProvider } from "./reloadingProvider.js";

describe("reloadingProvider", () => {
  it("loads on every call but builds only when the key changes", async () => {
    let key = "a";
    let loads = 0;
    let builds = 0;
    const provider = reloadingProvider(async () => {
      loads++;
      const k = key;
      return { key: k, build: () => (builds++, { getCredentials: async () => ({ accessKeyId: k, accessKeySecret: "S" }) }) };
    });
    await Promise.all([provider.getCredentials(), provider.getCredentials(), provider.getCredentials()]);
    key = "b";
    expect((await provider.getCredentials()).accessKeyId).toBe("b");
    expect([loads, builds]).toEqual([4, 2]);
  });

  it("does not remember a build that throws", async () => {
    let fail = true;
    const provider = reloadingProvider(async () => ({
      key: "k",
      build: () => {
        if (fail) throw new Error("bad profile");
        return { getCredentials: async () => ({ accessKeyId: "A", accessKeySecret: "S" }) };
      },
    }));
    await expect(provider.getCredentials()).rejects.toThrow("bad profile");
    fail = false;
    await expect(provider.getCredentials()).resolves.toMatchObject({ accessKeyId: "A" });
  });
});
