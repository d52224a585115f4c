// Every operation of the six products in ../shared/alibaba-metadata, imported from nothing (the repository's
// two steps: full 2024, then request-only 2025) and generated: each yields a package or a refusal with its
// one-line reason, never a product-wide abort. ARMS (style V3), which is not committed, and ECS, the largest,
// are also typechecked in one strict program and replayed; the committed products' packages are typechecked
// and replayed by their own product packages (packages/<code>).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SHARED_PRODUCTS, fullFile, generateAndTypecheck, importProduct, replaySpecExamples, requestsFile, skipReason, tempRoot } from "./wholeProduct.js";

const DEEP = new Set(["arms", "ecs"]);

describe.each(SHARED_PRODUCTS.map((p) => [p.code, p] as const))("%s: import and generate every operation", (code, product) => {
  const skip = skipReason(fullFile(product), requestsFile(product));
  if (skip) console.warn(`catalog ${code}: ${skip}`);

  it.skipIf(skip !== undefined)(`yields a package or a reported refusal for each API${DEEP.has(code) ? ", typechecks and replays them" : ""}`, async () => {
    const apis = Object.keys((JSON.parse(readFileSync(requestsFile(product), "utf8")) as { apis: object }).apis).sort();
    const root = tempRoot();
    const imported = await importProduct(root, product);
    const deep = DEEP.has(code);
    const run = await generateAndTypecheck(root, { typecheck: deep });
    const generated = run.result.models.map((m) => m.action);
    const refused = imported.refused.filter((r) => apis.includes(r.action) && !generated.includes(r.action));
    expect([...generated, ...refused.map((r) => r.action)].sort()).toEqual(apis);
    expect(run.result.refused).toEqual([]);
    expect(imported.issues.filter((i) => i.message.startsWith("NOT IMPORTED") && !/optional|cookie/.test(i.message))).toEqual([]);
    let replay = "";
    if (deep) {
      expect(run.diagnostics).toEqual([]);
      const { replayed, failures } = await replaySpecExamples(root, run.result.models);
      expect(failures).toEqual([]);
      replay = `; typecheck ${(run.ms.typecheck / 1000).toFixed(1)} s (${run.typecheckedFiles} files, one program); replayed ${replayed} spec-example exchanges`;
    }
    console.log(
      `catalog ${code}: ${apis.length} APIs → ${generated.length} packages, ${refused.length} refused${refused.map((r) => `\n  refused ${r.action}: ${r.reason}`).join("")}` +
        `\n  import ${(imported.ms / 1000).toFixed(1)} s; generate ${(run.ms.generate / 1000).toFixed(1)} s${replay}`,
    );
  }, 600_000);
});
