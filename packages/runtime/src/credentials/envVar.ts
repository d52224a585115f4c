/** An environment: `process.env` or a plain object, so tests never depend on the real environment. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads a variable, treating empty or whitespace-only as unset: shells and CI systems often export `X=`
 * to mean "no value". Surrounding whitespace is trimmed because keys and tokens never contain any, while
 * pasted values often carry a stray newline.
 */
export function readEnv(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** Whether a flag variable is `true` (case-insensitive), the convention of the official Alibaba Cloud SDKs. */
export function isEnvTrue(env: Env, name: string): boolean {
  return readEnv(env, name)?.toLowerCase() === "true";
}
