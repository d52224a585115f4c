import { astToString, resolveRef, scanDiscriminators, transformSchema, type GlobalContext, type OpenAPI3 } from "openapi-typescript";
import type { OperationModel } from "../model/types.js";

/**
 * The context `openapiTS()` builds for the options we use (openapi-typescript 7.13, pinned exactly in
 * package.json): every other option at its default. Built here so that each operation skips `openapiTS()`'s
 * per-call Redocly config, lint and bundle — the largest cost of generation. That validation adds nothing
 * for us: our JSON Schemas already validated the spec on load, and operation specs carry no `$ref`, so
 * the bundled document is the spec itself plus the empty `components` that Redocly's bundle adds (checked
 * on every committed spec and a 300-operation synthetic catalog).
 */
function context(schema: OpenAPI3): GlobalContext {
  return {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators: scanDiscriminators(schema, {}),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    // Only read by the Redocly steps skipped here.
    redoc: undefined as unknown as GlobalContext["redoc"],
    silent: true,
    transform: undefined,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: ($ref) => resolveRef(schema, $ref, { silent: true }),
  };
}

/**
 * The operation's TypeScript types, produced by openapi-typescript's transform from the spec itself, so
 * that the spec's descriptions become TSDoc on every field (shown on hover in editors). Same output as
 * `openapiTS(spec, { silent: true })`.
 */
export function emitTypes(model: OperationModel, header: string): string {
  // Redocly's bundle added `components: {}` to the spec in place; a copy keeps the model untouched.
  const spec = model.spec as unknown as OpenAPI3;
  const schema: OpenAPI3 = { ...spec, components: spec.components ?? {} };
  return `// ${header}\n${astToString(transformSchema(schema, context(schema)))}`;
}
