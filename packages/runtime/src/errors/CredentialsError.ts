import { AcsError } from "./AcsError.js";

/** No credentials could be found or loaded. The message names every source tried; it never contains a secret. */
export class CredentialsError extends AcsError {
  readonly code = "CredentialsError";
  /** Each source tried, in order, with why it gave nothing. */
  readonly tried: readonly string[];

  constructor(message: string, tried: readonly string[] = [], options?: { cause?: unknown }) {
    super(message, options);
    this.tried = tried;
  }
}
