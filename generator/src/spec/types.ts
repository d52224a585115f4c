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

/** How a non-scalar parameter goes on the wire (specs/README.md). */
export type SpecSerialization = "flat" | "repeatList" | "json" | "simple";

export interface SpecParameter {
  name: string;
  in: "query" | "path" | "header";
  required?: boolean;
  description?: string;
  deprecated?: boolean;
  schema: SpecSchema;
  example?: unknown;
  "x-acs-serialization"?: SpecSerialization;
  /**
   * Where a parameter declared `in: query` really travels, for locations OpenAPI 3 has no parameter for:
   * `body` (the request body, see `x-acs-body`), `formData` (a form field; the same as `body` in a form body),
   * `host` (a prefix of the host name).
   */
  "x-acs-in"?: "body" | "formData" | "host";
}

export interface SpecErrorCode {
  code: string;
  message: string;
  description?: string;
}

export type SpecStyle = "RPC" | "ROA" | "V3" | "FC";
export type SpecMethod = "GET" | "POST" | "PUT" | "DELETE" | "PATCH" | "HEAD";

/** How an operation's body parameters travel (specs/README.md, `x-acs-body`). */
export interface SpecBody {
  encoding: "form" | "json" | "binary";
  /** The one parameter that is the whole body (a JSON object or array, or the bytes). */
  root?: string;
  /** Send `{}` / an empty form with its content type when the input has no body parameter. */
  sendEmpty?: boolean;
}

/** How an operation pages its results (specs/README.md, `x-acs-pagination`); paths are dotted, into the 200 body. */
export interface SpecPagination {
  style: "token" | "marker" | "page";
  inputToken?: string;
  outputToken?: string;
  pageSize?: string;
  pageNumber?: string;
  totalCount?: string;
  items?: string;
}

/** One rule of a waiter: values at a path of the answer (`[]` walks a list), or a service error code. */
export type SpecWaiterAcceptor =
  | { state: "success" | "failure" | "retry"; path: string; matcher: "all" | "any"; expected: (string | number | boolean)[] }
  | { state: "success" | "failure" | "retry"; errorCode: string };

/** A waiter polling this operation (specs/README.md, `x-acs-waiters`); delays in seconds. */
export interface SpecWaiter {
  minDelay?: number;
  maxDelay?: number;
  maxWait?: number;
  acceptors: SpecWaiterAcceptor[];
}

export interface SpecOperation {
  operationId: string;
  summary?: string;
  description?: string;
  deprecated?: boolean;
  "x-acs-deprecated-note"?: string;
  "x-acs-action": string;
  "x-acs-style": SpecStyle;
  "x-acs-methods": SpecMethod[];
  "x-acs-access": "read" | "list" | "write";
  "x-acs-idempotency-token"?: string;
  "x-acs-dry-run"?: string;
  /** `AK` (default) or `Anonymous` (sent unsigned). */
  "x-acs-auth"?: "AK" | "Anonymous";
  /** Query parameters every request carries (from a metadata path with a `?query`). */
  "x-acs-fixed-query"?: Record<string, string>;
  "x-acs-body"?: SpecBody;
  "x-acs-pagination"?: SpecPagination;
  /** Waiter name (`DataFlowSubTaskComplete`) → waiter; written in this repository, kept on re-import. */
  "x-acs-waiters"?: Record<string, SpecWaiter>;
  parameters: SpecParameter[];
  responses: Record<string, SpecResponse>;
}

/** The success response's content: a JSON body, raw bytes, or (without `content`) unknown. */
export interface SpecResponse {
  description: string;
  content?: {
    "application/json"?: { schema: SpecSchema; example?: unknown };
    "application/octet-stream"?: { schema: SpecSchema };
  };
  /** The success response documents no body: the call resolves to `{}`. */
  "x-acs-no-body"?: boolean;
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
  style: SpecStyle;
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
  /** Specs that could not be loaded, each with its file, JSON path and reason (see `loadSpecs`). */
  refused: import("./SpecError.js").SpecError[];
}
