import type { OperationDescriptor } from "../operation.js";
import { ServiceError } from "./ServiceError.js";

/** An operation's documented error table: code → the HTTP statuses it is answered with. @public */
export type ErrorTable = Readonly<Record<string, readonly number[]>>;

/**
 * A documented error of an operation whose table is `T`: for each code, a {@link ServiceError} with that
 * literal `code` and an `httpStatus` among the statuses documented for it, so switching on `code` narrows
 * `httpStatus`.
 * @public
 */
export type DocumentedError<T extends ErrorTable> = {
  [C in keyof T & string]: ServiceError<C> & { readonly httpStatus: T[C][number] };
}[keyof T & string];

/** True when `error` is a service error answered to a call of `op`. @public */
export function isOperationError(op: Pick<OperationDescriptor, "action" | "product">, error: unknown): error is ServiceError {
  return error instanceof ServiceError && error.action === op.action && (error.product === undefined || error.product === op.product);
}

/**
 * True when `error` is a service error of `op` whose code is documented **and** was answered with one of
 * the HTTP statuses documented for that code: a documented code with another status is not narrowed, so the
 * type never claims a status the server did not send.
 * @public
 */
export function isDocumentedError(op: Pick<OperationDescriptor, "action" | "product" | "errors">, error: unknown): error is ServiceError {
  if (!isOperationError(op, error) || op.errors === undefined || !Object.hasOwn(op.errors, error.code)) return false;
  return op.errors[error.code]!.includes(error.httpStatus);
}
