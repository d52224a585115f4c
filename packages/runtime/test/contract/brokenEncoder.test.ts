// Proves that the generated contract suites catch an encoder bug: the runtime's serializer is replaced by
// a deliberately broken one, every recorded fixture of every generated package is replayed through it, and each
// fixture whose request the bug touches must fail with a readable diff, while the others still pass.
// The runtime cannot depend on the generated packages (they depend on it), so descriptors and fixtures
// are found on disk. The break lives only in this file's module mock; the runtime itself is untouched.
import { describe, expect, it, vi } from "vitest";
import { listFixtureFiles, readFixture, replayFixture, type FixtureData } from "@acs-modular/testing";
import { AcsClient } from "../../src/client.js";
import { invokeOperation } from "../../src/invokeOperation.js";
import type { OperationDescriptor } from "../../src/operation.js";
import type { SerializedParameters } from "../../src/serialize/serializeParameters.js";
import { generatedOperations, loadDescriptor } from "../support/generatedOperations.js";

/** The active break: rewrites the serializer's output, or leaves it alone when undefined. */
let breakage: ((wire: SerializedParameters) => SerializedParameters) | undefined;

vi.mock("../../src/serialize/serializeParameters.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/serialize/serializeParameters.js")>();
  return {
    ...real,
    serializeParameters: (...args: Parameters<typeof real.serializeParameters>) => {
      const wire = real.serializeParameters(...args);
      return breakage ? breakage(wire) : wire;
    },
  };
});

interface PackageUnderTest {
  readonly name: string;
  readonly descriptor: OperationDescriptor;
  readonly fixtures: { readonly file: string; readonly fixture: FixtureData }[];
}

/** Every generated operation with recorded fixtures, with its descriptor and fixtures. */
async function generatedPackages(): Promise<PackageUnderTest[]> {
  const out: PackageUnderTest[] = [];
  for (const op of generatedOperations()) {
    const fixtures = listFixtureFiles(op.fixtures).map((file) => ({ file, fixture: readFixture(file) }));
    if (fixtures.length > 0) out.push({ name: op.name, descriptor: await loadDescriptor(op), fixtures });
  }
  return out;
}

async function replay(pkg: PackageUnderTest, fixture: FixtureData): Promise<string[]> {
  const report = await replayFixture(fixture, {
    createClient: (config) => new AcsClient(config),
    call: (client, input) => invokeOperation(client, pkg.descriptor, input),
  });
  return report.problems;
}

const renameQuery = (from: string, to: string) => (wire: SerializedParameters): SerializedParameters => ({
  ...wire,
  query: wire.query.map(([k, v]) => [k === from ? to : k, v] as const),
});
const zeroBasedLists = (wire: SerializedParameters): SerializedParameters => ({
  ...wire,
  query: wire.query.map(([k, v]) => [k.replace(/\.(\d+)(?=\.|$)/g, (_, n: string) => `.${Number(n) - 1}`), v] as const),
});

const BREAKS = [
  {
    name: "FileSystemId serialized as FileSystemID",
    apply: renameQuery("FileSystemId", "FileSystemID"),
    affects: (f: FixtureData) => f.input.FileSystemId !== undefined,
    diff: ["  - FileSystemId=", "  + FileSystemID="],
  },
  {
    name: "list items numbered from 0",
    apply: zeroBasedLists,
    affects: (f: FixtureData) => f.request.query.some(([k]) => /\.1(\.|$)/.test(k)),
    diff: [".1.", ".0."],
  },
];

describe("a broken encoder", () => {
  it("leaves every fixture replaying while the encoder is intact", async () => {
    breakage = undefined;
    const packages = await generatedPackages();
    expect(packages.length).toBeGreaterThan(0);
    for (const pkg of packages) for (const { fixture } of pkg.fixtures) expect(await replay(pkg, fixture)).toEqual([]);
  });

  it.each(BREAKS)("with $name fails the contract of every affected fixture, with a diff naming the parameter", async ({ apply, affects, diff }) => {
    const packages = await generatedPackages();
    breakage = apply;
    try {
      let affected = 0;
      for (const pkg of packages) {
        for (const { file, fixture } of pkg.fixtures) {
          const problems = await replay(pkg, fixture);
          if (!affects(fixture)) {
            expect(problems, file).toEqual([]);
            continue;
          }
          affected++;
          const text = problems.join("\n");
          expect(text, file).toContain("query");
          for (const fragment of diff) expect(text, file).toContain(fragment);
        }
      }
      expect(affected).toBeGreaterThan(0);
    } finally {
      breakage = undefined;
    }
  });
});
