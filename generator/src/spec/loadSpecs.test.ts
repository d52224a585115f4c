import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { editFile, tempRepoWithSpecs } from "../../test/helpers.js";
import { SpecError } from "./SpecError.js";
import { loadSpecs } from "./loadSpecs.js";

const SPEC = "specs/nas/2017-06-26/CancelDataFlowSubTask.yaml";

function loadAfter(edit: (text: string) => string, file = SPEC): unknown {
  const root = tempRepoWithSpecs();
  editFile(join(root, file), edit);
  try {
    loadSpecs(join(root, "specs"), root, { strict: true });
    return undefined;
  } catch (e) {
    return e;
  }
}

describe("loadSpecs", () => {
  it("loads every committed spec, sorted by path", () => {
    const root = tempRepoWithSpecs();
    const { products, operations } = loadSpecs(join(root, "specs"), root);
    expect(products.map((p) => p.file)).toEqual(["specs/nas/2017-06-26/_product.yaml"]);
    const files = operations.map((o) => o.file);
    expect(files).toContain(SPEC);
    expect(files).toEqual([...files].sort());
  });

  it.each([
    ["a wrong type", (t: string) => t.replace("type: boolean", "type: bool"), "/paths/~1/post/parameters/3/schema/type"],
    ["an unknown extension", (t: string) => t.replace("x-acs-access: write", "x-acs-access: write\n      x-acs-colour: blue"), "/paths/~1/post"],
    ["a missing style", (t: string) => t.replace(/ {6}x-acs-style: .*\n/, ""), "/paths/~1/post"],
    ["a mismatched action", (t: string) => t.replace("x-acs-action: CancelDataFlowSubTask", "x-acs-action: CancelDataFlowTask"), "/paths/~1/post/operationId"],
    ["a token naming no parameter", (t: string) => t.replace("x-acs-idempotency-token: ClientToken", "x-acs-idempotency-token: Token"), "/paths/~1/post/x-acs-idempotency-token"],
    ["a duplicate parameter", (t: string) => t.replace("- name: DataFlowId", "- name: FileSystemId"), "/paths/~1/post/parameters/1/name"],
    ["a product mismatch", (t: string) => t.replace("x-acs-product: NAS", "x-acs-product: ECS"), "/x-acs-product"],
    ["a bad regular expression", (t: string) => t.replace("            type: string\n          example: 123e4567", '            type: string\n            pattern: "(["\n          example: 123e4567'), "/paths/~1/post/parameters/4/schema/pattern"],
  ])("rejects %s with the file, the JSON path and the reason", (_, edit, path) => {
    const error = loadAfter(edit);
    expect(error).toBeInstanceOf(SpecError);
    const e = error as SpecError;
    expect(e.file).toBe(SPEC);
    expect(e.jsonPath).toBe(path);
    expect(e.reason.length).toBeGreaterThan(3);
    expect(e.message).toBe(`${SPEC}: ${path}: ${e.reason}`);
  });

  it("rejects YAML that does not parse, naming the file", () => {
    const root = tempRepoWithSpecs();
    writeFileSync(join(root, SPEC), "openapi: [unclosed\n");
    expect(() => loadSpecs(join(root, "specs"), root, { strict: true })).toThrow(/CancelDataFlowSubTask\.yaml: \/: cannot parse/);
  });

  it("rejects a product file whose endpoint pattern could point anywhere", () => {
    const error = loadAfter((t) => t.replace("pattern: nas.{regionId}.aliyuncs.com", 'pattern: "nas.aliyuncs.com/{regionId}"'), "specs/nas/2017-06-26/_product.yaml");
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).jsonPath).toBe("/endpoints/pattern");
  });

  it("without strict, refuses the one bad spec with its reason and loads the others", () => {
    const root = tempRepoWithSpecs();
    editFile(join(root, SPEC), (t) => t.replace("type: boolean", "type: bool"));
    const { operations, refused } = loadSpecs(join(root, "specs"), root);
    expect(refused.map((e) => e.file)).toEqual([SPEC]);
    expect(operations).toHaveLength(14);
  });

  it("without strict, refuses every operation of a product version whose product file is bad", () => {
    const root = tempRepoWithSpecs();
    editFile(join(root, "specs/nas/2017-06-26/_product.yaml"), (t) => t.replace("style: RPC", "style: SLS"));
    const { products, operations, refused } = loadSpecs(join(root, "specs"), root);
    expect([products.length, operations.length]).toEqual([0, 0]);
    expect(refused.map((e) => `${e.file}: ${e.jsonPath}`)).toEqual(["specs/nas/2017-06-26/_product.yaml: /style"]);
    expect(refused[0]!.reason).toMatch(/^style 'SLS' is not supported: this runtime signs RPC, ROA, V3 and FC requests/);
  });
});
