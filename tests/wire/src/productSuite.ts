// One vitest suite per product: every operation of its metadata, three variants each, our package against the
// official SDK. Skips, saying why, when `../shared/alibaba-metadata` is absent.
import { describe, expect, it } from "vitest";
import { loadMetadata, metadataFile, METADATA_DIR } from "./metadata/loadMetadata.js";
import { PRODUCTS, type ProductCode } from "./products.js";
import { countReport, formatReport, unexplainedLines } from "./report.js";
import { runProduct, type ProductReport } from "./runProduct.js";
import { REQUIRE_ALL_GENERATED, WIRE_CONCURRENCY, WIRE_SEED } from "./switches.js";

export function productSuite(code: ProductCode): void {
  const product = PRODUCTS[code];
  const file = metadataFile(product);
  if (file === undefined) {
    describe(`${code} wire`, () => {
      it.skip(`skipped: ${METADATA_DIR}/${code}-${product.version}.requests-2025.json is absent (real metadata is read at test time, never committed)`, () => undefined);
    });
    return;
  }
  describe(`${code} wire: every operation, our package vs ${product.sdk} (seed ${WIRE_SEED})`, () => {
    let report: ProductReport | undefined;

    it("compares every operation with 0 unexplained differences", async () => {
      report = await runProduct(product, loadMetadata(file), { seed: WIRE_SEED, concurrency: WIRE_CONCURRENCY, sanity: true });
      console.info(formatReport(report));
      const counts = countReport(report);
      expect(counts.operations).toBeGreaterThan(0);
      expect(unexplainedLines(report)).toEqual([]);
    });

    it(`has a generated package for every operation (REQUIRE_ALL_GENERATED=${REQUIRE_ALL_GENERATED ? "1" : "0"})`, () => {
      if (!report) throw new Error("the comparison did not run");
      const { notGenerated } = countReport(report);
      if (!REQUIRE_ALL_GENERATED) {
        console.info(`${code}: ${notGenerated.length} operations not generated (not required: REQUIRE_ALL_GENERATED=0)`);
        return;
      }
      expect(notGenerated, `${notGenerated.length} operations of ${code} have no package under packages/${code}/ (set REQUIRE_ALL_GENERATED=0 while generation is partial)`).toEqual([]);
    });
  });
}
