import { describe, expect, it } from "vitest";
import { parseIni } from "./parseIni.js";

const asObject = (text: string) =>
  Object.fromEntries([...parseIni(text)].map(([name, section]) => [name, Object.fromEntries(section)]));

describe("parseIni", () => {
  it("parses sections and key = value pairs, trimming whitespace", () => {
    expect(asObject("[default]\n  type = access_key \naccess_key_id=AK\n\n[other]\nk = v\n")).toEqual({
      "": {},
      default: { type: "access_key", access_key_id: "AK" },
      other: { k: "v" },
    });
  });

  it("skips full-line comments with ; and #", () => {
    expect(asObject("; c1\n# c2\n[s]\n;k = 1\n#k = 2\nk = 3")["s"]).toEqual({ k: "3" });
  });

  it("strips inline comments preceded by whitespace but keeps # and ; inside values", () => {
    expect(asObject("[s]\na = v1 ; note\nb = v2 # note\nc = x#y;z")["s"]).toEqual({ a: "v1", b: "v2", c: "x#y;z" });
  });

  it("unwraps matching quotes and keeps comment characters inside them", () => {
    expect(asObject(`[s]\na = "q v"\nb = 'x ; y' ; note\nc = "unbalanced`)["s"]).toEqual({
      a: "q v",
      b: "x ; y",
      c: '"unbalanced',
    });
  });

  it("splits on the first = only, so values may contain =", () => {
    expect(asObject("[s]\nk = a=b==")["s"]).toEqual({ k: "a=b==" });
  });

  it("handles CRLF line endings and a UTF-8 BOM", () => {
    expect(asObject("\uFEFF[s]\r\nk = v\r\n")["s"]).toEqual({ k: "v" });
  });

  it("puts keys before any header in the unnamed section", () => {
    expect(asObject("k = v\n[s]")[""]).toEqual({ k: "v" });
  });

  it("ignores lines that are neither header nor key = value", () => {
    expect(asObject("[s]\ngarbage line\n= no key\nk = v")["s"]).toEqual({ k: "v" });
  });

  it("merges repeated sections and lets later keys win", () => {
    expect(asObject("[s]\na = 1\nb = 1\n[t]\n[s]\nb = 2")["s"]).toEqual({ a: "1", b: "2" });
  });

  it("treats a [__proto__] section as ordinary data", () => {
    const data = parseIni("[__proto__]\npolluted = yes");
    expect(data.get("__proto__")?.get("polluted")).toBe("yes");
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});
