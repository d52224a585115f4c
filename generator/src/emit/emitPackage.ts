import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { OperationModel } from "../model/types.js";
import type { CompiledTemplate } from "./templates.js";
import { operationViewModel } from "./viewModel.js";

/** Files of one generated package: path relative to the repository root → content. */
export type EmittedFiles = Map<string, string>;

// The repository's LICENSE, shipped in every package (npm shows it; the `license` field alone is a name).
// generator/src/emit and generator/dist/emit both reach the root three levels up.
const LICENSE_FILE = fileURLToPath(new URL("../../../LICENSE", import.meta.url));
let license: string | undefined;

/** Renders one operation's package. `version` is the package's current version (changesets own it). */
export function emitPackage(model: OperationModel, version: string, templates: readonly CompiledTemplate[]): EmittedFiles {
  const view = operationViewModel(model, version);
  const dir = model.names.packageDir;
  const files: EmittedFiles = new Map();
  for (const t of templates) files.set(`${dir}/${t.outputPath}`, t.render(view));
  files.set(`${dir}/LICENSE`, (license ??= readFileSync(LICENSE_FILE, "utf8")));
  return files;
}
