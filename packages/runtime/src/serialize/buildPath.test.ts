import { describe, expect, it } from "vitest";
import { encodePathTemplate, encodeQuery } from "./buildPath.js";

describe("encodePathTemplate", () => {
  it("substitutes each parameter as one encoded segment: a / in a value is %2F", () => {
    expect(encodePathTemplate("/clusters/{ClusterId}/attach", { ClusterId: "a/b" })).toBe("/clusters/a%2Fb/attach");
  });

  it("encodes every reserved character of a value per RFC 3986", () => {
    expect(encodePathTemplate("/f/{name}", { name: "a b+c*d!e'f(g)h~i=k&l%m中😀" })).toBe(
      "/f/a%20b%2Bc%2Ad%21e%27f%28g%29h~i%3Dk%26l%25m%E4%B8%AD%F0%9F%98%80",
    );
  });

  it("keeps literal segments, handles several parameters in one segment and leaves an absent one empty", () => {
    expect(encodePathTemplate("/2023-03-30/functions/{fn}/sessions/{id}", { fn: "f1" })).toBe("/2023-03-30/functions/f1/sessions/");
    expect(encodePathTemplate("/a/{x}-{y}.json", { x: "1", y: "2" })).toBe("/a/1-2.json");
    expect(encodePathTemplate("/", {})).toBe("/");
  });

  it("does not pick up Object.prototype members for a parameter named like one", () => {
    expect(encodePathTemplate("/{constructor}", {})).toBe("/");
  });
});

describe("encodeQuery", () => {
  it("joins encoded pairs in the order given", () => {
    expect(encodeQuery([["B", "x y"], ["A", "1"], ["tagging", ""]])).toBe("B=x%20y&A=1&tagging=");
  });
});
