/**
 * `join(homedir ?? os.homedir(), ...parts)`, loading `node:path` and `node:os` only when a file source runs:
 * importing the runtime loads neither, and the portable build (which cannot load them) carries no static
 * import of either. @internal
 */
export async function homePath(homedir: string | undefined, ...parts: string[]): Promise<string> {
  const { join } = await import("node:path");
  return join(homedir ?? (await import("node:os")).homedir(), ...parts);
}
