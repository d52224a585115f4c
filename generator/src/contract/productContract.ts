// The contract suite every generated product runs (its `contract.test.ts` calls this), once per product:
// behaviour common to all operations lives here, tested over every operation's descriptor, instead of in
// three test files per package.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { listFixtureFiles, readFixture, replayFixture, type FixtureData } from "@acs-modular/testing";
import { specExampleFixtures } from "../fixtures/specExampleFixtures.js";
import { buildOperationModel, buildProductModel } from "../model/buildModel.js";
import type { OperationModel } from "../model/types.js";
import { loadSpecFolder } from "../spec/loadSpecs.js";
import { sharedBehaviours, type OperationModule } from "./sharedBehaviours.js";

/** The models of the product whose folder (`packages/<code>/`) is `productDir`, from the specs it names. */
export function productModels(productDir: string): OperationModel[] {
  const pkg = JSON.parse(readFileSync(join(productDir, "package.json"), "utf8")) as { "acs-modular": { generatedProduct: string } };
  const rootDir = resolve(productDir, "../..");
  const specs = loadSpecFolder(join(rootDir, pkg["acs-modular"].generatedProduct), rootDir, { strict: true });
  const product = buildProductModel(specs.products[0]!);
  return specs.operations.map((s) => buildOperationModel(s, product));
}

/** Replays `fixture` through the operation and fails with every difference. */
async function assertReplays(label: string, fixture: FixtureData, mod: OperationModule): Promise<void> {
  const { problems } = await replayFixture(fixture, {
    createClient: (config) => new mod.AcsClient(config as never),
    call: (client, input) => mod.call(client, input),
    isOperationError: mod.isOperationError,
  });
  if (problems.length > 0) throw new Error(`${label} (${fixture.source}) does not replay:\n- ${problems.join("\n- ")}`);
}

/**
 * Declares the product's suite: for every operation, its recorded fixtures (`<op>/fixtures/*.json`) and the
 * spec-example exchanges derived from its spec are replayed with no network, and the shared behaviours are
 * checked (see sharedBehaviours.ts). `productUrl` is the product folder's URL.
 */
export function describeProductContract(productUrl: URL): void {
  const productDir = fileURLToPath(productUrl);
  const models = productModels(productDir);
  describe.each(models.map((m) => [m.action, m] as const))("%s", (_, model) => {
    const dir = join(productDir, model.names.packageDir.split("/").pop()!);
    let mod: OperationModule | undefined;
    const load = async (): Promise<OperationModule> => {
      if (mod) return mod;
      const exports = (await import(pathToFileURL(join(dir, "src", "index.ts")).href)) as Record<string, unknown>;
      const fn = exports[model.names.functionName] as (client: unknown, input: unknown, options?: unknown) => Promise<unknown>;
      mod = {
        AcsClient: exports.AcsClient as OperationModule["AcsClient"],
        call: (client, input, options) => fn(client, input, options),
        descriptor: exports[model.names.descriptorName] as OperationModule["descriptor"],
        isOperationError: exports[model.names.errorGuard] as (e: unknown) => boolean,
        isDocumentedError: exports[model.names.documentedErrorGuard] as (e: unknown) => boolean,
        functionDescriptor: (fn as unknown as { descriptor?: unknown }).descriptor,
        paginate: exports[model.names.paginatorName] as OperationModule["paginate"],
      };
      return mod;
    };
    const recorded = listFixtureFiles(join(dir, "fixtures"));
    // Only what applies is declared: a suite of thousands of skipped tests would hide the ones that ran.
    if (recorded.length > 0) {
      it.each(recorded.map((f) => [f.split("/").pop()!, f]))("replays the recorded %s", async (name, file) => {
        await assertReplays(name, readFixture(file), await load());
      });
    }
    // Host-prefixed operations are addressed by their recorded host, which already carries the prefix.
    const derived = model.parameters.some((p) => p.location === "host") ? [] : specExampleFixtures(model);
    if (derived.length > 0) {
      it.each(derived.map((f) => [f.name, f.text]))("replays its spec-example exchange %s", async (name, text) => {
        await assertReplays(name, JSON.parse(text) as FixtureData, await load());
      });
    }
    sharedBehaviours(model, load);
  });
}
