import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeTempHome, type TempHome } from "./test-helpers/tempDir.js";
import { readOptionalFile } from "./readOptionalFile.js";
import { join } from "node:path";

describe("readOptionalFile", () => {
  let home: TempHome;
  beforeEach(async () => {
    home = await makeTempHome();
  });
  afterEach(() => home.remove());

  it("returns the file's text", async () => {
    const path = await home.write("a.txt", "hello");
    expect(await readOptionalFile(path)).toEqual({ kind: "text", text: "hello" });
  });

  it("reports a missing file as missing", async () => {
    expect(await readOptionalFile(join(home.path, "nope"))).toEqual({ kind: "missing" });
  });

  it("reports a path through a regular file (ENOTDIR) as missing", async () => {
    const file = await home.write("file", "x");
    expect(await readOptionalFile(join(file, "child"))).toEqual({ kind: "missing" });
  });

  it("reports a directory as unreadable with its error code", async () => {
    expect(await readOptionalFile(home.path)).toEqual({ kind: "unreadable", code: "EISDIR" });
  });
});
