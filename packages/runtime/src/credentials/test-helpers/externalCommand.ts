// Test-only: a `process_command` that runs printCredentials.mjs with this Node, both paths quoted as a user
// would write them (they may contain spaces).
import { fileURLToPath } from "node:url";

const SCRIPT = fileURLToPath(new URL("./printCredentials.mjs", import.meta.url));

/** `"<node>" "<printCredentials.mjs>" <args>`. */
export function helperCommand(args: string): string {
  return `"${process.execPath}" "${SCRIPT}" ${args}`;
}
