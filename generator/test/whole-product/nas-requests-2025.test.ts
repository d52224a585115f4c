// Whole product: every operation of NAS 2017-06-26 from the request-only December-2025 metadata, which has
// no responses, error codes or descriptions. Outputs are then typed Record<string, unknown>, with a warning.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REQUESTS_2025, importGenerateTypecheck, replayAll, skipReason, type WholeProduct } from "./wholeProduct.js";

const skip = skipReason(REQUESTS_2025);
if (skip) console.warn(`nas-requests-2025: ${skip}`);

describe.skipIf(skip !== undefined)("NAS 2017-06-26, request-only metadata of December 2025", () => {
  let run: WholeProduct;
  let apis: Record<string, { parameters: { name: string; style?: string }[] }>;

  beforeAll(async () => {
    apis = (JSON.parse(readFileSync(REQUESTS_2025, "utf8")) as { apis: typeof apis }).apis;
    run = await importGenerateTypecheck(REQUESTS_2025);
    const total = (run.ms.import + run.ms.generate + run.ms.typecheck) / 1000;
    console.log(
      `nas-requests-2025: ${run.result.models.length} operations; import ${(run.ms.import / 1000).toFixed(2)} s, generate ${(run.ms.generate / 1000).toFixed(2)} s, ` +
        `typecheck ${(run.ms.typecheck / 1000).toFixed(2)} s (${run.typecheckedFiles} files, one program); total ${total.toFixed(1)} s`,
    );
  }, 600_000);

  it("generates one package per API, keeping every parameter and its wire style", () => {
    expect(run.result.models.map((m) => m.action).sort()).toEqual(Object.keys(apis).sort());
    for (const model of run.result.models) {
      const raw = apis[model.action]!.parameters;
      expect(model.parameters.map((p) => p.name), model.action).toEqual(raw.map((p) => p.name));
      expect(model.parameters.map((p) => p.serialization), model.action).toEqual(raw.map((p) => p.style));
    }
  });

  it("types every output as Record<string, unknown> and warns once per operation", () => {
    expect(run.result.models.filter((m) => m.hasResponseSchema)).toEqual([]);
    for (const model of run.result.models) {
      const source = readFileSync(join(run.root, model.names.packageDir, "src/operation.gen.ts"), "utf8");
      expect(source, model.action).toContain(`export type ${model.names.outputType} = Record<string, unknown>;`);
    }
    const warned = run.issues.filter((i) => i.field === "responses/200").map((i) => i.operation);
    expect(warned).toEqual(run.result.models.map((m) => m.action).sort());
  });

  it("typechecks every generated package (src and tests) in one strict program", () => {
    expect(run.typecheckedFiles).toBeGreaterThanOrEqual(run.result.models.length * 5);
    expect(run.diagnostics).toEqual([]);
  });

  it("replays every spec-example fixture through the generated functions and the runtime", async () => {
    const { replayed, failures } = await replayAll(run.root, run.result.models);
    console.log(`nas-requests-2025: replayed ${replayed} spec-example fixtures`);
    expect(failures).toEqual([]);
    // No documented errors in request-only metadata: one success fixture per operation.
    expect(replayed).toBe(run.result.models.length);
  }, 300_000);
});
