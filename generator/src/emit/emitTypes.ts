import ts from "typescript";
import { astToString, resolveRef, scanDiscriminators, transformSchemaObject, tsPropertyIndex, type GlobalContext, type OpenAPI3, type SchemaObject } from "openapi-typescript";
import type { OperationModel, ParameterModel } from "../model/types.js";
import type { SpecSchema } from "../spec/types.js";
import { docComment, limitsText } from "./docText.js";

/**
 * The context `openapiTS()` builds for the options we use (openapi-typescript 7.13, pinned exactly in
 * package.json), every other option at its default, except `emptyObjectsUnknown`: a free-form object
 * (`type: object` without properties) takes any keys (`Record<string, unknown>`), not none. Built here so
 * that each operation skips `openapiTS()`'s per-call Redocly config, lint and bundle: our JSON Schemas
 * already validated the spec on load, and operation specs carry no `$ref`.
 */
function context(schema: OpenAPI3): GlobalContext {
  return {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators: scanDiscriminators(schema, {}),
    emptyObjectsUnknown: true,
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

/** A copy of `schema` whose nested descriptions also state their limits, so TSDoc shows them at every level. */
function withLimitsInDocs(schema: SpecSchema): SpecSchema {
  const out: SpecSchema = { ...schema };
  if (schema.items) out.items = withLimitsInDocs(schema.items);
  if (schema.properties) out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, describeLimits(withLimitsInDocs(v))]));
  if (typeof schema.additionalProperties === "object") out.additionalProperties = withLimitsInDocs(schema.additionalProperties);
  return out;
}

function describeLimits(schema: SpecSchema): SpecSchema {
  const limits = limitsText(schema);
  if (!limits) return schema;
  return { ...schema, description: schema.description ? `${schema.description}\n${limits}` : limits };
}

function typeOf(schema: SpecSchema, ctx: GlobalContext, path: string): ts.TypeNode {
  return transformSchemaObject(withLimitsInDocs(schema) as SchemaObject, { path, ctx });
}

const BYTES = ts.factory.createUnionTypeNode([
  ts.factory.createTypeReferenceNode("Uint8Array"),
  ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword),
]);

function attachDoc<T extends ts.Node>(node: T, text: string): T {
  if (text) ts.addSyntheticLeadingComment(node, ts.SyntaxKind.MultiLineCommentTrivia, docComment(text), true);
  return node;
}

function parameterMember(p: ParameterModel, ctx: GlobalContext, binaryRoot: string | undefined): ts.PropertySignature {
  const type = p.name === binaryRoot ? BYTES : typeOf(p.schema, ctx, `#/input/${p.name}`);
  const member = ts.factory.createPropertySignature(undefined, tsPropertyIndex(p.name), p.required ? undefined : ts.factory.createToken(ts.SyntaxKind.QuestionToken), type);
  return attachDoc(member, parameterDoc(p));
}

/** TSDoc of one input property: description, limits, where it travels when that is not the query, default, example. */
export function parameterDoc(p: ParameterModel): string {
  const lines: string[] = [];
  if (p.description) lines.push(p.description);
  const limits = limitsText(p.schema);
  if (limits) lines.push(limits);
  if (p.location !== "query") lines.push(`Sent ${LOCATION_TEXT[p.location]}.`);
  if (p.schema.default !== undefined) lines.push(`@defaultValue ${JSON.stringify(p.schema.default)}`);
  if (p.example !== undefined && p.schema.format !== "binary") lines.push(`@example ${JSON.stringify(p.example)}`);
  if (p.deprecated) lines.push("@deprecated");
  return lines.join("\n");
}

const LOCATION_TEXT: Readonly<Record<ParameterModel["location"], string>> = {
  query: "in the query string",
  path: "as one segment of the request path",
  header: "as an HTTP header",
  host: "as a prefix of the endpoint's host name",
  body: "in the request body",
};

/** A type literal printed as a named interface, or a type alias when the type is not an object literal. */
function declaration(name: string, type: ts.TypeNode, doc: string): ts.Statement {
  const exported = [ts.factory.createModifier(ts.SyntaxKind.ExportKeyword)];
  const node = ts.isTypeLiteralNode(type)
    ? ts.factory.createInterfaceDeclaration(exported, name, undefined, undefined, type.members)
    : ts.factory.createTypeAliasDeclaration(exported, name, undefined, type);
  return attachDoc(node, doc);
}

/** TypeScript source of the operation's input interface and output type, through openapi-typescript's transform. */
export function emitTypes(model: OperationModel): string {
  const spec = model.spec as unknown as OpenAPI3;
  const ctx = context({ ...spec, components: spec.components ?? {} });
  const n = model.names;
  const binaryRoot = model.body?.encoding === "binary" ? model.body.root : undefined;
  const input = ts.factory.createTypeLiteralNode(model.parameters.map((p) => parameterMember(p, ctx, binaryRoot)));
  let output: ts.TypeNode;
  if (model.response === "binary") output = ts.factory.createTypeReferenceNode("Uint8Array");
  else if (model.response === "none") output = ts.factory.createTypeReferenceNode("Record", [ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword), ts.factory.createKeywordTypeNode(ts.SyntaxKind.NeverKeyword)]);
  else if (model.responseSchema) output = typeOf(model.responseSchema, ctx, "#/output");
  else output = ts.factory.createTypeReferenceNode("Record", [ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword), ts.factory.createKeywordTypeNode(ts.SyntaxKind.UnknownKeyword)]);
  const outputDoc =
    model.response === "binary"
      ? `Output of {@link ${n.functionName}}: the response body's bytes.`
      : model.response === "none"
        ? `Output of {@link ${n.functionName}}: the service answers with no body.`
        : model.responseSchema
          ? `Output of {@link ${n.functionName}}: the decoded response body of ${model.action}.`
          : `Output of {@link ${n.functionName}}: the decoded response body of ${model.action} (its fields are not documented in the spec).`;
  const source = astToString([
    declaration(n.inputType, input, `Input of {@link ${n.functionName}}: the request parameters of ${model.action}.`),
    declaration(n.outputType, output, outputDoc),
  ]);
  // TypeScript's printer indents by four spaces; the rest of the package uses two.
  return source.replace(/^((?: {4})+)/gm, (indent) => " ".repeat(indent.length / 2)).replace(/^\}\n(?=\/\*\*)/gm, "}\n\n");
}
