/**
 * The description of one API operation that a generated package hands to the runtime. Generated from the
 * operation's spec; the runtime validates, serializes and signs requests from it, so generated code stays
 * a table, not logic.
 * @public
 */
export interface OperationDescriptor {
  /** Product code as Alibaba spells it, e.g. `NAS`. */
  readonly product: string;
  /** API version, e.g. `2017-06-26`. */
  readonly version: string;
  /** Action name, sent as `x-acs-action`, e.g. `CancelDataFlowSubTask`. */
  readonly action: string;
  /**
   * The product's API style. `RPC` and `V3` send parameters in the query string (or a form body) to `/`;
   * `ROA` and `FC` address resources by path and usually send JSON bodies. All four are signed with V3.
   */
  readonly style: OperationStyle;
  /** HTTP method used to send the request. */
  readonly method: HttpMethod;
  /** Path template: `/` for RPC, `/clusters/{ClusterId}/attach` for ROA (each `{Name}` is one encoded segment). */
  readonly pathname: string;
  /** Query parameters every request carries, from a path template that includes `?` (`/?tagging` → `tagging=`). */
  readonly fixedQuery?: readonly (readonly [name: string, value: string])[];
  /** `write` operations are retried only when idempotent. */
  readonly access: "read" | "list" | "write";
  /** Name of the parameter the runtime fills with a UUID (and keeps across retries) when the caller gives none. */
  readonly idempotencyToken?: string;
  /** `AK` (default): signed with the caller's credentials. `Anonymous`: sent unsigned, no credentials needed. */
  readonly auth?: "AK" | "Anonymous";
  /** How the `body` parameters travel; absent when the operation has none. */
  readonly body?: BodyDescriptor;
  /** How the success body is decoded; default `json` (a JSON object). */
  readonly response?: ResponseKind;
  readonly endpoints: EndpointRules;
  readonly parameters: readonly ParameterDescriptor[];
  /** Documented error codes and the HTTP statuses each is answered with. */
  readonly errors?: Readonly<Record<string, readonly number[]>>;
}

/** @public */
export type OperationStyle = "RPC" | "ROA" | "V3" | "FC";

/** @public */
export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE" | "PATCH" | "HEAD";

/**
 * The request body of an operation.
 * - `form`: every `body` parameter is a form field (`application/x-www-form-urlencoded`), flattened like query
 *   parameters.
 * - `json`: `application/json; charset=utf-8`. With `root`, that one parameter's value is the whole body (an
 *   object or an array); without, the `body` parameters are the fields of one JSON object.
 * - `binary`: the `root` parameter's bytes (`Uint8Array`, or a string sent as UTF-8), `application/octet-stream`.
 * @public
 */
export interface BodyDescriptor {
  readonly encoding: "form" | "json" | "binary";
  /** The parameter that is the whole body. */
  readonly root?: string;
  /**
   * Send an empty body (`{}` for JSON, a 0-byte form) with its content type when the input has no body
   * parameter, as Alibaba's official clients do for these operations; otherwise no body is sent.
   */
  readonly sendEmpty?: boolean;
}

/**
 * How a success body is decoded: `json` a JSON object, `array` a JSON array, `string` the text, `binary` the
 * bytes (`Uint8Array`), `none` nothing (the call resolves to `{}`).
 * @public
 */
export type ResponseKind = "json" | "array" | "string" | "binary" | "none";

/** How a product maps a region to a host name. @public */
export interface EndpointRules {
  /** Host name pattern with `{regionId}`, e.g. `nas.{regionId}.aliyuncs.com`. */
  readonly pattern: string;
  /** VPC host name pattern, when the product has VPC endpoints. */
  readonly vpcPattern?: string;
  /** Regions whose host name does not follow the pattern. */
  readonly regions?: Readonly<Record<string, string>>;
}

/** @public */
export type Serialization = "flat" | "repeatList" | "json" | "simple";

/**
 * Where a parameter travels: the query string, one path segment, a header, a host-name prefix
 * (`<value>.<endpoint>`), or the body (see {@link BodyDescriptor}).
 * @public
 */
export type ParameterLocation = "query" | "path" | "header" | "host" | "body";

/** @public */
export interface ParameterDescriptor {
  readonly name: string;
  readonly in: ParameterLocation;
  readonly required?: boolean;
  /** How a non-scalar value goes on the wire; `flat` by default. */
  readonly serialization?: Serialization;
  readonly schema: SchemaDescriptor;
}

/** The subset of JSON Schema the runtime checks before sending. @public */
export interface SchemaDescriptor {
  readonly type: "string" | "integer" | "number" | "boolean" | "object" | "array";
  /** `binary` on a string: bytes (`Uint8Array`) or a string are accepted. */
  readonly format?: "binary";
  readonly enum?: readonly (string | number | boolean)[];
  readonly maxLength?: number;
  readonly minLength?: number;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly maxItems?: number;
  readonly minItems?: number;
  readonly items?: SchemaDescriptor;
  readonly properties?: Readonly<Record<string, SchemaDescriptor>>;
  /**
   * Keys not in `properties`: their values' schema (a map), or `true` for any value. Without `properties`
   * an object's keys are free.
   */
  readonly additionalProperties?: SchemaDescriptor | true;
  readonly required?: readonly string[];
}
