import { describe, expect, it } from "vitest";
import { runtimeTag } from "./runtimeTag.js";

describe("runtimeTag", () => {
  it("names this Node process", () => {
    expect(runtimeTag()).toBe(`node/${process.versions.node}`);
  });

  it.each([
    ["bun", { process: { versions: { node: "22.6.0", bun: "1.1.0" } } }, "bun/1.1.0"],
    ["deno", { process: { versions: { node: "22.0.0" } }, Deno: { version: { deno: "2.1.0" } } }, "deno/2.1.0"],
    ["workerd", { navigator: { userAgent: "Cloudflare-Workers" } }, "workerd"],
    ["anything else", {}, "js"],
  ] as const)("names %s", (_, globals, tag) => {
    expect(runtimeTag(globals)).toBe(tag);
  });
});
