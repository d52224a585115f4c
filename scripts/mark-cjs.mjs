// Marks a CommonJS output folder as such, so Node loads its .js files as CJS inside a "type": "module" package.
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
if (!dir) throw new Error("usage: mark-cjs.mjs <dir>");
writeFileSync(join(dir, "package.json"), '{\n  "type": "commonjs"\n}\n');
