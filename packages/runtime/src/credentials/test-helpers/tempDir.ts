// Test-only: throwaway directories, so file-based providers never read the real home directory.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A fresh temp directory standing in for a home directory. */
export interface TempHome {
  readonly path: string;
  /** Writes `content` at `relative` (creating parents) and returns the absolute path. */
  write(relative: string, content: string): Promise<string>;
  remove(): Promise<void>;
}

/** Creates a {@link TempHome}; remove it in `afterEach`. */
export async function makeTempHome(): Promise<TempHome> {
  const path = await mkdtemp(join(tmpdir(), "acs-cred-test-"));
  return {
    path,
    async write(relative, content) {
      const file = join(path, relative);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, content);
      return file;
    },
    remove: () => rm(path, { recursive: true, force: true }),
  };
}
