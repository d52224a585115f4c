import { typeLabel } from "../model/buildModel.js";
import { exampleInput, exampleValue, expectedWireParams } from "../model/examples.js";
import type { OperationModel } from "../model/types.js";
import { generatedHeader } from "./header.js";
import { toDescriptor } from "./toDescriptor.js";

/** Escapes text for a Markdown table cell: one line, no bare pipes. */
function cell(text: string): string {
  return text.replace(/\r?\n+/g, " ").replace(/\|/g, "\\|").trim() || "-";
}

/** Turns free text into the body lines of a TSDoc block (`*` prefixed), safe against `*\/`. */
function docLines(text: string, indent = ""): string {
  return text
    .replace(/\*\//g, "*\\/")
    .split(/\r?\n/)
    .map((l) => `${indent} *${l ? ` ${l}` : ""}`)
    .join("\n");
}

/** Pretty TypeScript object literal (JSON with identifier keys unquoted), indented on continuation lines. */
function literal(value: unknown, indent: string): string {
  return JSON.stringify(value, null, 2)
    .replace(/^(\s*)"([A-Za-z_$][\w$]*)":/gm, "$1$2:") // keys that are identifiers need no quotes
    .replace(/\n/g, `\n${indent}`);
}

/**
 * Everything a template prints for one operation, decided here in code (and unit-tested), so that the
 * `.hbs` files only lay it out.
 */
export function operationViewModel(model: OperationModel, version: string) {
  const n = model.names;
  const header = generatedHeader(model.specFile);
  const fullInput = exampleInput(model.parameters, true);
  const requiredInput = exampleInput(model.parameters, false);
  const requiredNames = model.parameters.filter((p) => p.required).map((p) => p.name);
  let functionDoc = model.summary;
  if (model.description) functionDoc += `\n\n@remarks\n${model.description}`;
  if (model.deprecated) functionDoc += `\n\n@deprecated ${model.deprecatedNote || "Deprecated by the service."}`;
  functionDoc += `\n\n@throws {@link ${n.errorType}} (use {@link ${n.errorGuard}}) when the service answers with an error;` +
    ` \`ValidationError\` before anything is sent when the input is invalid; \`NetworkError\`, \`TimeoutError\`,` +
    ` \`MalformedResponseError\` or \`AbortError\` from the transport.`;
  return {
    header,
    specFile: model.specFile,
    version,
    packageName: n.packageName,
    packageDir: n.packageDir,
    names: n,
    /** `{@link name}` for each name; Handlebars cannot print a brace right after a mustache. */
    links: Object.fromEntries(Object.entries(n).map(([k, v]) => [k, `{@link ${v}}`])) as Record<keyof typeof n, string>,
    action: model.action,
    productName: model.product.product,
    productTitle: model.product.title,
    apiVersion: model.product.version,
    summaryJson: JSON.stringify(`${model.product.title} ${model.action}: ${model.summary}`),
    summaryLine: cell(model.summary),
    descriptionMd: model.description,
    deprecated: model.deprecated,
    deprecatedNote: model.deprecatedNote || "Deprecated by the service.",
    functionDoc: docLines(functionDoc),
    inputTypeExpr: model.parameters.some((p) => p.in === "query")
      ? `NonNullable<operations[${JSON.stringify(model.action)}]["parameters"]["query"]>`
      : "Record<string, never>",
    // Without a documented response schema the body is still a JSON object, of unknown fields.
    outputTypeExpr: model.hasResponseSchema
      ? `operations[${JSON.stringify(model.action)}]["responses"][200]["content"]["application/json"]`
      : "Record<string, unknown>",
    descriptorLiteral: literal(toDescriptor(model), ""),
    errors: model.errors.map((e) => ({ ...e, codeJson: JSON.stringify(e.code), messageJson: JSON.stringify(e.message), messageCell: cell(e.message), descriptionCell: cell(e.description) })),
    hasErrors: model.errors.length > 0,
    errorStatusLines: model.errors.map((e) => `  ${JSON.stringify(e.code)}: ${e.httpStatus};`).join("\n"),
    parameterRows: model.parameters.map((p) => ({
      name: p.name,
      type: cell(typeLabel(p.schema) + (p.schema.enum ? `: ${p.schema.enum.map((v) => JSON.stringify(v)).join(" \\| ")}` : "")),
      required: p.required ? "Yes" : "No",
      description: cell(p.description),
    })),
    responseRows: model.responseFields.map((f) => ({ path: f.path, type: cell(f.type), description: cell(f.description) })),
    exampleInputLiteral: literal(requiredInput, "  "),
    fullInputLiteral: literal(fullInput, "  "),
    expectedQueryLiteral: literal(expectedWireParams(model.parameters, fullInput), "  "),
    responseExampleLiteral: literal(model.responseExample ?? { RequestId: "6E1E5D2C-0000-4000-8000-000000000000" }, "  "),
    requiredNamesLiteral: JSON.stringify(requiredNames),
    hasRequired: requiredNames.length > 0,
    firstRequired: requiredNames[0] ?? "",
    idempotencyToken: model.idempotencyToken ?? "",
    hasIdempotencyToken: model.idempotencyToken !== undefined,
    isWrite: model.access === "write",
    method: model.method,
    pathname: model.pathname,
    // An enum-typed example shows off the literal types; a plain string also works.
    exampleClientRegion: "cn-hangzhou",
    sampleValueJson: JSON.stringify(exampleValue({ type: "string" }, undefined)),
  };
}

export type OperationViewModel = ReturnType<typeof operationViewModel>;
