/**
 * The description of one API operation that a generated package hands to the runtime. Generated from the
 * operation's spec; the runtime validates, serializes and signs requests from it, so generated code stays
 * a table, not logic.
 */
export interface OperationDescriptor {
  /** Product code as Alibaba spells it, e.g. `NAS`. */
  readonly product: string;
  /** API version, e.g. `2017-06-26`. */
  readonly version: string;
  /** Action name, e.g. `CancelDataFlowSubTask`. */
  readonly action: string;
  readonly style: "RPC" | "ROA";
  /** HTTP method used to send the request. */
  readonly method: "GET" | "POST" | "PUT" | "DELETE" | "PATCH";
  /** Path (template for ROA, `/` for RPC). */
  readonly pathname: string;
  /** `write` operations are retried only when idempotent. */
  readonly access: "read" | "list" | "write";
  /** Name of the parameter the runtime fills with a UUID (and keeps across retries) when the caller gives none. */
  readonly idempotencyToken?: string;
  readonly endpoints: EndpointRules;
  readonly parameters: readonly ParameterDescriptor[];
}

/** How a product maps a region to a host name. */
export interface EndpointRules {
  /** Host name pattern with `{regionId}`, e.g. `nas.{regionId}.aliyuncs.com`. */
  readonly pattern: string;
  /** VPC host name pattern, when the product has VPC endpoints. */
  readonly vpcPattern?: string;
  /** Regions whose host name does not follow the pattern. */
  readonly regions?: Readonly<Record<string, string>>;
}

export type Serialization = "flat" | "repeatList" | "json" | "simple";

export interface ParameterDescriptor {
  readonly name: string;
  readonly in: "query" | "path" | "header" | "body";
  readonly required?: boolean;
  /** How a non-scalar value goes on the wire; `flat` by default. */
  readonly serialization?: Serialization;
  readonly schema: SchemaDescriptor;
}

/** The subset of JSON Schema the runtime checks before sending. */
export interface SchemaDescriptor {
  readonly type: "string" | "integer" | "number" | "boolean" | "object" | "array";
  readonly enum?: readonly (string | number)[];
  readonly maxLength?: number;
  readonly minLength?: number;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly maxItems?: number;
  readonly minItems?: number;
  readonly items?: SchemaDescriptor;
  readonly properties?: Readonly<Record<string, SchemaDescriptor>>;
  readonly required?: readonly string[];
}
