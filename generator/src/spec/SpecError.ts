/** A spec file failed to load or validate. The message names the file, the JSON path and the reason. */
export class SpecError extends Error {
  constructor(
    readonly file: string,
    readonly jsonPath: string,
    readonly reason: string,
  ) {
    super(`${file}: ${jsonPath || "/"}: ${reason}`);
    this.name = "SpecError";
  }
}
