import openapiTS, { astToString } from "openapi-typescript";
import type { OperationModel } from "../model/types.js";

/**
 * The operation's TypeScript types, produced by openapi-typescript from the spec itself, so that the
 * spec's descriptions become TSDoc on every field (shown on hover in editors).
 */
export async function emitTypes(model: OperationModel, header: string): Promise<string> {
  const ast = await openapiTS(model.spec as unknown as Parameters<typeof openapiTS>[0], {
    exportType: false,
    immutable: false,
    alphabetize: false,
    silent: true,
  });
  return `// ${header}\n${astToString(ast)}`;
}
