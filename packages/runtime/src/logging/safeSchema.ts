import type { OperationDescriptor, ParameterLocation, SchemaDescriptor } from "../operation.js";

/**
 * Whether a value of `schema` is printed in a debug log. Only values whose type rules out a secret: numbers,
 * integers and booleans, and strings limited to an enum (each value is one of the API's own words). Free
 * strings (ids, names, descriptions, passwords, user data) are never printed; neither is anything without a
 * schema. A list sent as one comma-joined value is printed when its items are.
 */
export function isSafeSchema(schema: SchemaDescriptor | undefined): boolean {
  if (schema === undefined) return false;
  if (schema.enum !== undefined && schema.enum.length > 0) return true;
  if (schema.type === "integer" || schema.type === "number" || schema.type === "boolean") return true;
  return false;
}

/** The schema of a value at `path` (object keys, list indexes) inside a value of `schema`. */
export function schemaAt(schema: SchemaDescriptor | undefined, path: readonly string[]): SchemaDescriptor | undefined {
  let node = schema;
  for (const key of path) {
    if (node === undefined) return undefined;
    if (node.type === "array") node = /^\d+$/.test(key) ? node.items : undefined;
    else if (node.type === "object") node = node.properties?.[key] ?? (node.additionalProperties === true ? undefined : node.additionalProperties);
    else return undefined;
  }
  return node;
}

/**
 * Whether the value sent under wire name `name` (`PageSize`, `Filters.1.Key`) in `location` is printed: found
 * through the parameter it flattens (the longest parameter name that is `name` or a dotted prefix of it,
 * since names such as `LaunchConfiguration.PasswordInherit` contain dots), then {@link isSafeSchema}.
 */
export function isSafeWireValue(op: OperationDescriptor, location: ParameterLocation, name: string): boolean {
  let param: OperationDescriptor["parameters"][number] | undefined;
  for (const p of op.parameters) {
    if (p.in !== location || (name !== p.name && !name.startsWith(`${p.name}.`))) continue;
    if (!param || p.name.length > param.name.length) param = p;
  }
  if (!param) return false;
  if (name === param.name) {
    const { schema } = param;
    if (isSafeSchema(schema)) return true;
    // A list sent as one value (`simple`: `a,b,c`) is safe when its items are; `json` values never are.
    return param.serialization === "simple" && schema.type === "array" && isSafeSchema(schema.items);
  }
  if (param.serialization === "json" || param.serialization === "simple") return false;
  return isSafeSchema(schemaAt(param.schema, name.slice(param.name.length + 1).split(".")));
}
