// The types that tie a mock to an operation function: what identifies the operation at run time (its
// `descriptor`), and what the mock infers from the function's signature (input, output, error codes).
import type { AcsClient, CallOptions, CommonErrorCode } from "@acs-modular/runtime";

/**
 * The part of an operation's descriptor the mock reads. Structural, so a generated `OperationDescriptor`
 * (which has many more fields) fits as it is.
 * @public
 */
export interface MockedOperationDescriptor {
  /** Product code, e.g. `NAS`; compared with the `product` of the call the transport sees. */
  readonly product: string;
  /** API version, e.g. `2017-06-26`; compared with the call's `apiVersion`. */
  readonly version: string;
  /** Action name, e.g. `DescribeDataFlows`; compared with the call's `action`. */
  readonly action: string;
  /**
   * The parameter the runtime fills with a UUID when the caller gives none (e.g. `ClientToken`). Strict
   * matching leaves it out of the comparison unless the expected input names it.
   */
  readonly idempotencyToken?: string | undefined;
  /**
   * The documented error table, when the descriptor carries one: the runtime's `ErrorTable` (code → HTTP
   * statuses; the first is used), or code → status. `rejects(code)` answers with that status unless told
   * otherwise. Typed `unknown` so that any descriptor fits as it is; the mock reads those two shapes only.
   */
  readonly errors?: unknown;
  /**
   * How the operation's answer is decoded (the runtime's `ResponseKind`): `binary`, `string` and `none` answers
   * are sent as bytes, text or nothing instead of JSON.
   */
  readonly response?: string | undefined;
}

/**
 * An operation function the mock can answer: a generated function such as `describeDataFlows` that carries
 * its `descriptor`. `I` and `O` are its input and output; {@link OperationInput} and
 * {@link OperationOutput} recover them from a concrete function type.
 * @public
 */
export type MockableOperation<I = never, O = unknown> = ((client: AcsClient, input: I, options?: CallOptions) => Promise<O>) & {
  readonly descriptor: MockedOperationDescriptor;
};

/**
 * The input type of an operation function. An operation without required parameters may take no input
 * (`input?: I`); the runtime still sends `{}`, so the input seen by mocks is `I` without `undefined`.
 * @public
 */
export type OperationInput<Op> = Op extends (client: AcsClient, input: infer I, options?: CallOptions) => Promise<unknown> ? Exclude<I, undefined> : never;

/** The output type of an operation function (what its promise resolves to). @public */
export type OperationOutput<Op> = Op extends (client: AcsClient, input: never, options?: CallOptions) => Promise<infer O> ? O : never;

/** The documented codes of an operation, when its descriptor type names them as literal keys of `errors`. */
type DocumentedCode<Op> = Op extends { readonly descriptor: { readonly errors?: infer E } }
  ? string extends keyof NonNullable<E>
    ? never
    : Extract<keyof NonNullable<E>, string>
  : never;

/**
 * The error codes `rejects` offers for an operation: its documented codes (when its descriptor's type lists
 * them), the codes any call can get, and any other string, as services answer codes nobody documented.
 * @public
 */
export type OperationErrorCode<Op> = DocumentedCode<Op> | CommonErrorCode | (string & {});

/**
 * A partial input to match calls against: every property optional, at every depth; arrays match element by
 * element. A property given as `undefined` matches only a call where it is absent.
 * @public
 */
export type InputPattern<T> = T extends readonly (infer E)[]
  ? readonly InputPattern<E>[]
  : T extends object
    ? { readonly [K in keyof T]?: InputPattern<T[K]> | undefined }
    : T;

/**
 * What a mock answers for an operation whose output is `O`: `O` itself, except that `RequestId` may be left
 * out; the mock then fills one in, as every Alibaba Cloud answer carries it.
 * @public
 */
export type MockOutput<O> = O extends { readonly RequestId: string } ? Omit<O, "RequestId"> & { readonly RequestId?: string } : O;
