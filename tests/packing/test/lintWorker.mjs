// One worker of typesAndLint.test.ts: checks the packages it is given with @arethetypeswrong/core (every
// entrypoint under node10, node16-cjs, node16-esm and bundler resolution) and publint (every rule, suggestions
// included), from the files their tarballs would hold, in memory. Posts one result per package.
import { parentPort, workerData } from "node:worker_threads";
import { Package, checkPackage } from "@arethetypeswrong/core";
import { publint } from "publint";
import { packedFiles } from "./packFiles.mjs";

const { dirs, versions } = workerData;
const versionOf = (name) => versions[name];

for (const dir of dirs) {
  const problems = [];
  let name = dir;
  try {
    const packed = packedFiles(dir, versionOf);
    name = packed.name;
    const files = Object.fromEntries(packed.files.map((f) => [`/node_modules/${packed.name}/${f.name}`, f.data]));
    const analysis = await checkPackage(new Package(files, packed.name, packed.version));
    if (analysis.types === false) problems.push("attw: the package has no types");
    else for (const { kind, ...where } of analysis.problems) problems.push(`attw: ${kind} ${JSON.stringify(where)}`);
    const lint = await publint({ pkgDir: "package", pack: { files: packed.files.map((f) => ({ name: `package/${f.name}`, data: f.data })) }, level: "suggestion" });
    for (const m of lint.messages) problems.push(`publint ${m.type}: ${m.code} at ${m.path.join(".") || "(root)"} ${JSON.stringify(m.args)}`);
    parentPort.postMessage({ dir, name, problems, entrypoints: analysis.types === false ? 0 : Object.keys(analysis.entrypoints).length });
  } catch (error) {
    parentPort.postMessage({ dir, name, problems: [`check failed: ${error instanceof Error ? error.stack : String(error)}`], entrypoints: 0 });
  }
}
