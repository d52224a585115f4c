import { describe, expect, it } from "vitest";
import { buildApiReport } from "./apiReport.js";

const DTS = `
/** A thing. @public */
interface Thing { readonly id: Id; }
type Id = string;
/** @internal */
declare function make(): Thing;
declare const VERSION = "1";
declare class Box { private x; get(): Thing; }
declare function helper(): void;
export { Thing, make, VERSION, Box };
`;

describe("buildApiReport", () => {
  it("lists each export with kind and release, its declaration without comments, and what it refers to", () => {
    const { text, problems } = buildApiReport(DTS, `/** @public */\nexport { VERSION } from "./v.js";\n/** @public */\nexport { Box } from "./b.js";\n`);
    expect(problems).toEqual([]);
    expect(text).toContain("| `Box` | class | public |\n| `Thing` | interface | public |\n| `VERSION` | const | public |\n| `make` | function | internal |");
    expect(text).toContain("interface Thing {\n    readonly id: Id;\n}");
    expect(text).toContain("## Referenced by exports, not exported\n\n```ts\ntype Id = string;\n```");
    expect(text).not.toContain("helper");
    expect(text).not.toContain("A thing");
  });

  it("names exports without a tag, and tags that disagree", () => {
    const { problems } = buildApiReport(DTS, `/** @internal */\nexport { Thing } from "./t.js";\n`);
    expect(problems).toEqual([
      "Thing: @public on its declaration but @internal on its export statement in src/index.ts",
      "VERSION: no @public or @internal tag, on its declaration or its export statement in src/index.ts",
      "Box: no @public or @internal tag, on its declaration or its export statement in src/index.ts",
    ]);
  });
});
