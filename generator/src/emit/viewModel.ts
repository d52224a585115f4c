import { typeLabel } from "../model/buildModel.js";
import { exampleInput } from "../model/examples.js";
import type { OperationModel } from "../model/types.js";
import { limitsText } from "./docText.js";
import { generatedHeader } from "./header.js";
import { REPOSITORY } from "./repository.js";
import { errorTable, toDescriptor } from "./toDescriptor.js";
import { emitTypes } from "./emitTypes.js";

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

/** The error table as a literal, one code per line: `  "InvalidTaskId.NotFound": [404],`. */
function errorTableLiteral(table: Record<string, number[]>): string {
  const key = (code: string): string => (/^[A-Za-z_$][\w$]*$/.test(code) ? code : JSON.stringify(code));
  const lines = Object.entries(table).map(([code, statuses]) => `  ${key(code)}: [${statuses.join(", ")}],`);
  return lines.length === 0 ? "{}" : `{\n${lines.join("\n")}\n}`;
}

/** `NonNullable<NonNullable<Output["A"]>["B"]>[number]`: the type of one item at a dotted path of the output. */
export function itemTypeExpression(outputType: string, path: string): string {
  let expr = outputType;
  for (const key of path.split(".")) expr = `NonNullable<${expr}[${JSON.stringify(key)}]>`;
  return `${expr}[number]`;
}

const DEFAULT_WAITER = { minDelay: 2, maxDelay: 30, maxWait: 600 } as const;

/** The waiters of an operation as the template prints them: runtime config (ms) and one line per rule. */
function waiterViews(model: OperationModel) {
  return model.waiters.map(({ name, waiter }) => {
    const config = {
      name,
      acceptors: waiter.acceptors,
      minDelayMs: (waiter.minDelay ?? DEFAULT_WAITER.minDelay) * 1000,
      maxDelayMs: (waiter.maxDelay ?? DEFAULT_WAITER.maxDelay) * 1000,
      maxWaitMs: (waiter.maxWait ?? DEFAULT_WAITER.maxWait) * 1000,
    };
    const rules = waiter.acceptors.map((a) =>
      "errorCode" in a
        ? `- ${a.state}: the call fails with \`${a.errorCode}\``
        : `- ${a.state}: ${a.matcher === "all" ? "every" : "any"} \`${a.path}\` is ${a.expected.map((v) => `\`${String(v)}\``).join(" or ")}`,
    );
    return {
      name,
      functionName: `waitUntil${name}`,
      configName: `${model.names.descriptorName.replace(/Descriptor$/, "")}${name}Waiter`,
      configLiteral: literal(config, ""),
      doc: docLines(
        `Polls {@link ${model.names.functionName}} with \`input\` until ${name}: every ${config.minDelayMs / 1000} s at first, doubling to ` +
          `${config.maxDelayMs / 1000} s, for at most ${config.maxWaitMs / 1000} s (\`maxWaitMs\`).\n\n${rules.join("\n")}\n\n` +
          `Resolves with the answer that matched; rejects with a \`WaiterError\` on a failure state or at the deadline (its \`state\` ` +
          `can be passed back as \`resume\`), and with the call's own error otherwise.`,
      ),
      rules,
      maxWaitSeconds: config.maxWaitMs / 1000,
    };
  });
}

/** How the README example shows the result, by the kind of body the operation answers with. */
function exampleOutputLine(model: OperationModel): string {
  switch (model.response) {
    case "binary":
      return "console.log(output.byteLength, \"bytes\");";
    case "array":
      return "console.log(output.length);";
    case "string":
      return "console.log(output);";
    case "none":
      return "// The service answers with no body: the call resolves once it succeeded.";
    case "json":
      return model.responseSchema?.properties?.RequestId ? "console.log(output.RequestId);" : "console.log(output);";
  }
}

const LOCATION_CELL: Readonly<Record<OperationModel["parameters"][number]["location"], string>> = {
  query: "query",
  path: "path",
  header: "header",
  host: "host prefix",
  body: "body",
};

/**
 * Everything a template prints for one operation, decided here in code (and unit-tested), so that the
 * `.hbs` files only lay it out.
 */
export function operationViewModel(model: OperationModel, version: string) {
  const n = model.names;
  const header = generatedHeader(model.specFile);
  const requiredInput = exampleInput(model.parameters, false);
  const requiredNames = model.parameters.filter((p) => p.required).map((p) => p.name);
  let functionDoc = model.summary || `Calls ${model.product.product} ${model.action} (${model.product.version}).`;
  if (model.description) functionDoc += `\n\n@remarks\n${model.description}`;
  functionDoc += `\n\n@see ${model.referenceUrl}`;
  if (model.deprecated) functionDoc += `\n\n@deprecated ${model.deprecatedNote || "Deprecated by the service."}`;
  functionDoc +=
    `\n\n@throws {@link ${n.errorType}} (use {@link ${n.errorGuard}}) when the service answers with an error;` +
    ` \`ValidationError\` before anything is sent when the input is invalid; \`NetworkError\`, \`TimeoutError\`,` +
    ` \`MalformedResponseError\` or \`AbortError\` from the transport.`;
  const table = errorTable(model);
  const packageDir = n.packageDir;
  return {
    header,
    specFile: model.specFile,
    version,
    packageName: n.packageName,
    packageDir,
    names: n,
    /** `{@link name}` for each name; Handlebars cannot print a brace right after a mustache. */
    links: Object.fromEntries(Object.entries(n).map(([k, v]) => [k, `{@link ${v}}`])) as Record<keyof typeof n, string>,
    action: model.action,
    productName: model.product.product,
    productTitle: model.product.title,
    apiVersion: model.product.version,
    referenceUrl: model.referenceUrl,
    repository: REPOSITORY,
    homepage: `${REPOSITORY.web}/tree/main/${packageDir}#readme`,
    runtimeReadme: `${REPOSITORY.web}/tree/main/packages/runtime#readme`,
    specUrl: `${REPOSITORY.web}/blob/main/${model.specFile}`,
    summaryJson: JSON.stringify(`${model.product.title} ${model.action}${model.summary ? `: ${model.summary}` : ` (${model.product.product} ${model.product.version})`}`),
    summaryLine: model.summary ? cell(model.summary) : `see the [API reference](${model.referenceUrl}).`,
    descriptionMd: model.description,
    deprecated: model.deprecated,
    deprecatedNote: model.deprecatedNote || "Deprecated by the service.",
    functionDoc: docLines(functionDoc),
    typesSource: emitTypes(model).trimEnd(),
    descriptorLiteral: literal(toDescriptor(model), "").replace(/\n\}$/, `,\n  errors: ${n.errorTableName},\n}`),
    errorTableLiteral: errorTableLiteral(table),
    errors: model.errors.map((e) => ({ ...e, codeJson: JSON.stringify(e.code), messageCell: cell(e.message) })),
    nonErrorCodes: model.nonErrorCodes.map((e) => ({ ...e, messageCell: cell(e.message) })),
    hasErrors: model.errors.length > 0,
    hasNonErrorCodes: model.nonErrorCodes.length > 0,
    parameterRows: model.parameters.map((p) => ({
      name: p.name,
      type: cell(typeLabel(p.schema) + (p.schema.enum ? `: ${p.schema.enum.map((v) => JSON.stringify(v)).join(" | ")}` : "")),
      required: p.required ? "Yes" : "No",
      location: LOCATION_CELL[p.location],
      description: cell([p.description, limitsText(p.schema)].filter(Boolean).join(" ")),
    })),
    hasParameters: model.parameters.length > 0,
    responseRows: model.responseFields.map((f) => ({ path: f.path, type: cell(f.type), description: cell(f.description) })),
    hasResponseRows: model.responseFields.length > 0,
    responseNote:
      model.response === "binary"
        ? "The call resolves to the response body's bytes (`Uint8Array`)."
        : model.response === "none"
          ? "The service answers with no body: the call resolves to `{}`."
          : model.responseSchema
            ? ""
            : "The spec documents no response fields: the call resolves to the decoded JSON object (`Record<string, unknown>`).",
    hasPagination: model.pagination !== undefined,
    paginationLiteral: model.pagination === undefined ? "" : literal(model.pagination, ""),
    paginationStyle: model.pagination?.style ?? "",
    hasItems: model.pagination?.items !== undefined,
    itemsPath: model.pagination?.items ?? "",
    itemTypeExpr: model.pagination?.items === undefined ? "" : itemTypeExpression(n.outputType, model.pagination.items),
    waiters: waiterViews(model),
    hasWaiters: model.waiters.length > 0,
    runtimeImports: [
      "invokeOperation",
      "isDocumentedError",
      "isOperationError",
      ...(model.pagination ? ["paginate"] : []),
      ...(model.pagination?.items !== undefined ? ["paginateItems"] : []),
      ...(model.waiters.length > 0 ? ["waitUntil"] : []),
    ].join(", "),
    runtimeTypeImports: [
      "AcsClient",
      "CallOptions",
      "CommonErrorCode",
      "DocumentedError",
      "OperationDescriptor",
      ...(model.pagination ? ["PaginateOptions", "PaginationDescriptor"] : []),
      "ServiceError",
      ...(model.waiters.length > 0 ? ["WaitOptions", "WaiterConfig", "WaiterResult"] : []),
    ].join(", "),
    exampleInputLiteral: literal(requiredInput, "  "),
    exampleOutputLine: exampleOutputLine(model),
    hasRequired: requiredNames.length > 0,
    idempotencyToken: model.idempotencyToken ?? "",
    hasIdempotencyToken: model.idempotencyToken !== undefined,
    isWrite: model.access === "write",
    exampleClientRegion: "cn-hangzhou",
  };
}

export type OperationViewModel = ReturnType<typeof operationViewModel>;
