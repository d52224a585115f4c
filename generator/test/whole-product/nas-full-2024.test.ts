// Whole product: every operation of NAS 2017-06-26 from Alibaba's complete June-2024 metadata.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FULL_2024, importGenerateTypecheck, replayAll, skipReason, type WholeProduct } from "./wholeProduct.js";

const skip = skipReason(FULL_2024);
if (skip) console.warn(`nas-full-2024: ${skip}`);

describe.skipIf(skip !== undefined)("NAS 2017-06-26, full metadata of June 2024", () => {
  let run: WholeProduct;
  let apis: Record<string, { parameters: { name: string }[]; errorCodes?: Record<string, unknown[]> }>;

  beforeAll(async () => {
    apis = (JSON.parse(readFileSync(FULL_2024, "utf8")) as { apis: typeof apis }).apis;
    run = await importGenerateTypecheck(FULL_2024);
    const total = (run.ms.import + run.ms.generate + run.ms.typecheck) / 1000;
    console.log(
      `nas-full-2024: ${run.result.models.length} operations; import ${(run.ms.import / 1000).toFixed(2)} s, generate ${(run.ms.generate / 1000).toFixed(2)} s, ` +
        `typecheck ${(run.ms.typecheck / 1000).toFixed(2)} s (${run.typecheckedFiles} files, one program); total ${total.toFixed(1)} s`,
    );
  }, 600_000);

  it("generates one package per API in the metadata", () => {
    expect(run.result.models.map((m) => m.action).sort()).toEqual(Object.keys(apis).sort());
  });

  it("keeps every parameter of every API (the importer drops none)", () => {
    for (const model of run.result.models) {
      expect(model.parameters.map((p) => p.name), model.action).toEqual(apis[model.action]!.parameters.map((p) => p.name));
    }
  });

  it("types every output from its response schema and reports only what it cannot map", () => {
    expect(run.result.models.every((m) => m.hasResponseSchema)).toBe(true);
    // The two 2xx "error" codes (RequestAccepted under HTTP 202) are the only error codes left out, and they are reported.
    const codesIn = Object.values(apis).reduce((n, a) => n + Object.entries(a.errorCodes ?? {}).filter(([s]) => Number(s) >= 400).reduce((m, [, l]) => m + l.length, 0), 0);
    const codesOut = run.result.models.reduce((n, m) => n + m.errors.length, 0);
    expect(codesOut).toBe(codesIn);
    expect(run.issues.filter((i) => i.field.startsWith("errorCodes/202")).map((i) => i.operation)).toEqual(["CreateFileSystem", "CreateMountTarget"]);
    expect(run.issues.filter((i) => i.message.startsWith("NOT IMPORTED"))).toEqual([]);
  });

  it("typechecks every generated package (src and tests) in one strict program", () => {
    expect(run.typecheckedFiles).toBeGreaterThanOrEqual(run.result.models.length * 5);
    expect(run.diagnostics).toEqual([]);
  });

  it("carries the metadata's Chinese descriptions into the generated docs as-is", () => {
    const model = run.result.models.find((m) => m.action === "DescribeDataFlows")!;
    expect(model.summary).toBe("查询一个CPFS文件系统的数据流动信息。");
    expect(readFileSync(join(run.root, model.names.packageDir, "README.md"), "utf8")).toContain("查询一个CPFS文件系统的数据流动信息。");
  });

  it("replays every spec-example fixture through the generated functions and the runtime", async () => {
    const { replayed, failures } = await replayAll(run.root, run.result.models);
    console.log(`nas-full-2024: replayed ${replayed} spec-example fixtures`);
    expect(failures).toEqual([]);
    // One success fixture per operation plus one per documented error code.
    expect(replayed).toBe(run.result.models.reduce((n, m) => n + 1 + m.errors.length, 0));
  }, 300_000);
});
