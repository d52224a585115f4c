/** What reading a config file gave: its text, "absent", or an error code when it exists but cannot be read. */
export type FileRead =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "missing" }
  | { readonly kind: "unreadable"; readonly code: string };

/**
 * Reads a UTF-8 config file without throwing. Absence (ENOENT, or ENOTDIR when a parent is a file) is a
 * normal outcome for credential sources; other failures (EACCES, EISDIR) are reported by code only, since
 * raw fs messages are not needed and the caller already knows the path. `node:fs` is loaded on the first read,
 * not at import, so that runtimes without it (the portable build) can import the credential sources.
 */
export async function readOptionalFile(path: string): Promise<FileRead> {
  try {
    const { readFile } = await import("node:fs/promises");
    const text = await readFile(path, "utf8");
    return { kind: "text", text };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "EUNKNOWN";
    if (code === "ENOENT" || code === "ENOTDIR") return { kind: "missing" };
    return { kind: "unreadable", code };
  }
}
