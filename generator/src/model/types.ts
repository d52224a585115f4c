import type { OperationNames } from "./naming.js";
import type { OperationSpecDocument, SpecBody, SpecMethod, SpecPagination, SpecSchema, SpecSerialization, SpecStyle, SpecWaiter } from "../spec/types.js";

/** Facts shared by the operations of one product version. */
export interface ProductModel {
  readonly product: string;
  readonly code: string;
  readonly version: string;
  readonly title: string;
  readonly style: SpecStyle;
  readonly endpoints: { readonly pattern: string; readonly vpcPattern?: string; readonly regions?: Readonly<Record<string, string>> };
}

/**
 * Where a parameter travels on the wire. The one field every consumer reads (descriptor, fixtures, tests,
 * docs): `query` string, one `path` segment, a `header`, a `host` name prefix, or the `body`.
 */
export type ParameterLocation = "query" | "path" | "header" | "host" | "body";

export interface ParameterModel {
  readonly name: string;
  readonly location: ParameterLocation;
  readonly required: boolean;
  readonly description: string;
  readonly deprecated: boolean;
  readonly serialization: SpecSerialization | undefined;
  readonly schema: SpecSchema;
  readonly example: unknown;
}

/** How the success body is decoded (the runtime's `ResponseKind`). */
export type ResponseKind = "json" | "array" | "string" | "binary" | "none";

export interface ResponseFieldModel {
  /** Dotted path for nested fields, `[]` for list items: `DataFlowInfo.DataFlow[].Status`. */
  readonly path: string;
  readonly type: string;
  readonly description: string;
}

export interface ErrorCodeModel {
  readonly code: string;
  readonly httpStatus: number;
  readonly message: string;
  readonly description: string;
}

/** Everything the emitters need to know about one operation. The one intermediate model. */
export interface OperationModel {
  readonly product: ProductModel;
  /** Spec path relative to the repository root. */
  readonly specFile: string;
  /** The validated spec document. */
  readonly spec: OperationSpecDocument;
  readonly action: string;
  readonly names: OperationNames;
  /** The operation's reference page on Alibaba Cloud's API portal. */
  readonly referenceUrl: string;
  /** One line; empty when the spec has none (imported specs carry no prose). */
  readonly summary: string;
  readonly description: string;
  readonly deprecated: boolean;
  readonly deprecatedNote: string;
  readonly style: SpecStyle;
  readonly method: SpecMethod;
  /** Path template (`/` for RPC and V3). */
  readonly pathname: string;
  readonly fixedQuery: readonly (readonly [string, string])[];
  readonly access: "read" | "list" | "write";
  readonly auth: "AK" | "Anonymous";
  readonly idempotencyToken: string | undefined;
  readonly dryRun: string | undefined;
  readonly parameters: readonly ParameterModel[];
  readonly body: SpecBody | undefined;
  readonly response: ResponseKind;
  /** The success body's schema, when documented. */
  readonly responseSchema: SpecSchema | undefined;
  readonly responseFields: readonly ResponseFieldModel[];
  readonly responseExample: unknown;
  /** Error responses (HTTP ≥ 400) documented per code, sorted by HTTP status, then code; a code may appear under several. */
  readonly errors: readonly ErrorCodeModel[];
  /** Codes the documentation lists under a success or redirect status (not raised as errors), sorted. */
  readonly nonErrorCodes: readonly ErrorCodeModel[];
  readonly pagination: SpecPagination | undefined;
  /** Waiters polling this operation, sorted by name. */
  readonly waiters: readonly { readonly name: string; readonly waiter: SpecWaiter }[];
}
