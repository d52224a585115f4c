import { homedir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { homePath } from "./homePath.js";

describe("homePath", () => {
  it("joins under the given home directory, else the user's", async () => {
    expect(await homePath("/home/x", ".aliyun", "config.json")).toBe(join("/home/x", ".aliyun", "config.json"));
    expect(await homePath(undefined, ".alibabacloud", "credentials")).toBe(join(homedir(), ".alibabacloud", "credentials"));
  });
});
