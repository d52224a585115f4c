import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv, type ValidateFunction } from "ajv";

const schemaDir = fileURLToPath(new URL("../../schema/", import.meta.url));

function compile(name: string): ValidateFunction {
  const ajv = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true });
  return ajv.compile(JSON.parse(readFileSync(schemaDir + name, "utf8")) as object);
}

let operationValidator: ValidateFunction | undefined;
let productValidator: ValidateFunction | undefined;

/** The compiled JSON Schema of operation spec files (compiled once, on first use). */
export function operationSchema(): ValidateFunction {
  return (operationValidator ??= compile("operation.schema.json"));
}

/** The compiled JSON Schema of product files. */
export function productSchema(): ValidateFunction {
  return (productValidator ??= compile("product.schema.json"));
}
