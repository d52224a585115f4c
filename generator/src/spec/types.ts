// TypeScript view of the spec format that generator/schema/*.schema.json validates (see specs/README.md).

export interface SpecSchema {
  type: "string" | "integer" | "number" | "boolean" | "object" | "array";
  format?: string;
  title?: string;
  description?: string;
  enum?: (string | number | boolean)[];
  default?: unknown;
  example?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: SpecSchema;
  properties?: Record<string, SpecSchema>;
  additionalProperties?: boolean | SpecSchema;
  required?: string[];
  deprecated?: boolean;
}

export interface SpecParameter {
  name: string;
  in: "query" | "path" | "header";
  required?: boolean;
  description?: string;
  deprecated?: boolean;
  schema: SpecSchema;
  example?: unknown;
  "x-acs-serialization"?: "flat" | "repeatList" | "json" | "simple";
  /** Where a parameter declared `in: query` really travels: a form field in the request body (specs/README.md). */
  "x-acs-in"?: "body" | "formData";
}

export interface SpecErrorCode {
  code: string;
  message: string;
  description?: string;
}

export interface SpecOperation {
  operationId: string;
  summary: string;
  description?: string;
  deprecated?: boolean;
  "x-acs-deprecated-note"?: string;
  "x-acs-action": string;
  "x-acs-style": "RPC" | "ROA";
  "x-acs-methods": ("GET" | "POST" | "PUT" | "DELETE" | "PATCH")[];
  "x-acs-access": "read" | "list" | "write";
  "x-acs-idempotency-token"?: string;
  "x-acs-dry-run"?: string;
  parameters: SpecParameter[];
  responses: Record<string, SpecResponse>;
}

export interface SpecResponse {
  description: string;
  content?: { "application/json": { schema: SpecSchema; example?: unknown } };
  "x-acs-error-codes"?: SpecErrorCode[];
}

export interface OperationSpecDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  "x-acs-product": string;
  "x-acs-version": string;
  paths: Record<string, Record<string, SpecOperation>>;
}

export interface ProductSpecDocument {
  "x-acs-spec-kind": "product";
  product: string;
  code: string;
  version: string;
  title: string;
  style: "RPC" | "ROA";
  signature: "ACS3-HMAC-SHA256";
  protocols: ("https" | "http")[];
  endpoints: { pattern: string; vpcPattern?: string; regions?: Record<string, string> };
}

/** A validated spec file with where it came from (path relative to the repository root, `/` separators). */
export interface LoadedOperationSpec {
  file: string;
  doc: OperationSpecDocument;
}

export interface LoadedProductSpec {
  file: string;
  doc: ProductSpecDocument;
}

export interface LoadedSpecs {
  products: LoadedProductSpec[];
  operations: LoadedOperationSpec[];
}
