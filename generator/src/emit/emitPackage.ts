import type { OperationModel } from "../model/types.js";
import { emitTypes } from "./emitTypes.js";
import { generatedHeader } from "./header.js";
import type { CompiledTemplate } from "./templates.js";
import { operationViewModel } from "./viewModel.js";

/** Files of one generated package: path relative to the repository root → content. */
export type EmittedFiles = Map<string, string>;

/** Renders one operation's package. `version` is the package's current version (changesets own it). */
export function emitPackage(model: OperationModel, version: string, templates: readonly CompiledTemplate[]): EmittedFiles {
  const view = operationViewModel(model, version);
  const dir = model.names.packageDir;
  const files: EmittedFiles = new Map();
  for (const t of templates) files.set(`${dir}/${t.outputPath}`, t.render(view));
  files.set(`${dir}/src/types.gen.ts`, emitTypes(model, generatedHeader(model.specFile)));
  return files;
}
