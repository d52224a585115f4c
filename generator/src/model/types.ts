import type { OperationNames } from "./naming.js";
import type { OperationSpecDocument, SpecSchema } from "../spec/types.js";

/** Facts shared by the operations of one product version. */
export interface ProductModel {
  readonly product: string;
  readonly code: string;
  readonly version: string;
  readonly title: string;
  readonly style: "RPC" | "ROA";
  readonly endpoints: { readonly pattern: string; readonly vpcPattern?: string; readonly regions?: Readonly<Record<string, string>> };
}

export interface ParameterModel {
  readonly name: string;
  readonly in: "query" | "path" | "header";
  readonly required: boolean;
  readonly description: string;
  readonly deprecated: boolean;
  readonly serialization: "flat" | "repeatList" | "json" | "simple" | undefined;
  readonly schema: SpecSchema;
  readonly example: unknown;
}

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
  /** The validated spec document, handed to openapi-typescript for the types. */
  readonly spec: OperationSpecDocument;
  readonly action: string;
  readonly names: OperationNames;
  readonly summary: string;
  readonly description: string;
  readonly deprecated: boolean;
  readonly deprecatedNote: string;
  readonly style: "RPC" | "ROA";
  readonly method: "GET" | "POST" | "PUT" | "DELETE" | "PATCH";
  readonly pathname: string;
  readonly access: "read" | "list" | "write";
  readonly idempotencyToken: string | undefined;
  readonly dryRun: string | undefined;
  readonly parameters: readonly ParameterModel[];
  /** False when the spec documents no response schema (the output is then typed `unknown`). */
  readonly hasResponseSchema: boolean;
  readonly responseFields: readonly ResponseFieldModel[];
  readonly responseExample: unknown;
  /** Sorted by HTTP status, then code. */
  readonly errors: readonly ErrorCodeModel[];
}
