/**
 * Thrown while converting an operation that cannot be represented faithfully (a parameter location or
 * encoding the runtime does not send, a security scheme it does not sign, a header it owns): the operation is
 * left out of the import with this one-line reason, and the rest of the product is imported.
 */
export class RefusedOperation extends Error {
  override readonly name = "RefusedOperation";
}
