import { expect, it } from "vitest";
import { scrubber } from "./scrubber.js";

it("replaces each secret in every wire form, longest first, and ignores strings too short to look for", () => {
  const scrub = scrubber([
    ["tok/en+with=chars", "<redacted>"],
    ["tok", "<short>"],
    ["ab", "<never>"],
  ]);
  expect(scrub("a tok/en+with=chars b")).toBe("a <redacted> b");
  expect(scrub(`q=${encodeURIComponent("tok/en+with=chars")}`)).toBe("q=<redacted>");
  expect(scrub(new URLSearchParams({ q: "tok/en+with=chars" }).toString())).toBe("q=<redacted>");
  expect(scrubber([['say "p\\w"', "<r>"]])(JSON.stringify({ m: 'say "p\\w"' }))).toBe('{"m":"<r>"}');
  expect(scrub("tok ab")).toBe("<short> ab");
});
