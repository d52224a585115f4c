// The declaration bundler merges tsc's per-module output into one scope. These cases pin what it may merge
// and, above all, what it must refuse instead of emitting a wrong declaration file.
import { describe, expect, it } from "vitest";
import { bundleDeclarations } from "../../scripts/bundleDeclarations.mjs";

const dir = "/pkg/dist";
const files = (entries: Record<string, string>) => new Map(Object.entries(entries).map(([name, text]) => [`${dir}/${name}`, text]));
const bundle = (entries: Record<string, string>) => bundleDeclarations(files(entries), `${dir}/index.d.ts`);

describe("bundleDeclarations", () => {
  it("merges sibling modules, keeps TSDoc and internal helpers unexported, and exports exactly the entry's names", () => {
    const out = bundle({
      "index.d.ts": 'export { Client } from "./client.js";\nexport type { Options } from "./options.js";\n',
      "client.d.ts": 'import type { Options } from "./options.js";\n/** A client. */\nexport declare class Client {\n    constructor(o: Options);\n}\ndeclare const helper: number;\n',
      "options.d.ts": "/** Options of a client. */\nexport interface Options {\n    /** Region. */\n    region: string;\n}\n",
    });
    expect(out).toContain("/** A client. */\ndeclare class Client {");
    expect(out).toContain("/** Options of a client. */\ninterface Options {");
    expect(out).toContain("/** Region. */");
    expect(out).toContain("declare const helper: number;");
    expect(out).not.toMatch(/^import/m);
    expect(out.trimEnd().split("\n").at(-1)).toBe("export { Client, Options };");
  });

  it("merges imports from dependencies into one plain import per module and re-exports dependency names", () => {
    const out = bundle({
      "index.d.ts": 'export { run } from "./run.js";\nexport { AcsClient } from "@acs-modular/runtime";\nexport type { CallOptions } from "@acs-modular/runtime";\n',
      "run.d.ts": 'import type { AcsClient, CallOptions } from "@acs-modular/runtime";\nexport declare function run(c: AcsClient, o?: CallOptions): void;\n',
    });
    expect(out.match(/^import .*$/gm)).toEqual(['import { AcsClient, CallOptions } from "@acs-modular/runtime";']);
    expect(out).toContain("export { run, AcsClient, CallOptions };");
  });

  it("leaves out modules the entry does not reach", () => {
    const out = bundle({ "index.d.ts": "export declare const a = 1;\n", "unused.d.ts": "export declare const b = 2;\n" });
    expect(out).toContain("declare const a = 1;");
    expect(out).not.toContain("b = 2");
  });

  it("refuses what one shared scope cannot represent", () => {
    expect(() =>
      bundle({ "index.d.ts": 'export { a } from "./a.js";\nexport { b } from "./b.js";\n', "a.d.ts": "declare const x = 1;\nexport declare const a: typeof x;\n", "b.d.ts": "declare const x = 2;\nexport declare const b: typeof x;\n" }),
    ).toThrow(/x is declared in both a\.d\.ts and b\.d\.ts/);
    expect(() => bundle({ "index.d.ts": 'export { a as b } from "./a.js";\n', "a.d.ts": "export declare const a = 1;\n" })).toThrow(/renamed binding a as b/);
    expect(() => bundle({ "index.d.ts": 'export * from "./a.js";\n', "a.d.ts": "export declare const a = 1;\n" })).toThrow(/export \* is not supported/);
    expect(() => bundle({ "index.d.ts": 'import * as a from "./a.js";\nexport declare const b: typeof a;\n', "a.d.ts": "export declare const a = 1;\n" })).toThrow(/only named imports/);
    expect(() => bundle({ "index.d.ts": 'export { gone } from "./a.js";\n', "a.d.ts": "export declare const a = 1;\n" })).toThrow(/gone is imported from a sibling module that does not declare it/);
    expect(() => bundle({ "index.d.ts": 'export { a } from "./missing.js";\n' })).toThrow(/\.\/missing\.js was not emitted/);
    expect(() => bundle({ "index.d.ts": 'import { Readable } from "node:stream";\nexport declare class Readable {}\n' })).toThrow(/Readable is both declared in the package and imported from node:stream/);
  });
});
