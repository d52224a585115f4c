/**
 * One registry per process (per JavaScript realm) for state that must not be duplicated when the runtime is
 * loaded more than once: an app that reaches it through `import` and, via a CommonJS dependency, through
 * `require` loads two copies of the code (the ESM and the CJS build), and would otherwise open two pools of
 * keep-alive connections and compile every pattern twice. The registry hangs off `globalThis` under a
 * `Symbol.for` key, which every copy (and every version) of the runtime sees as the same symbol.
 *
 * Each entry is named with its layout version (`node-http-clients/1`): a runtime whose entry has another shape
 * must use another name, so two versions in one process never read each other's state wrongly.
 */
const REGISTRY = Symbol.for("@acs-modular/runtime/process-shared");

type Registry = Map<string, unknown>;

function registry(): Registry {
  const holder = globalThis as { [REGISTRY]?: Registry };
  let found = holder[REGISTRY];
  if (found === undefined) {
    found = new Map();
    // Not enumerable, not writable: the registry is not part of anyone's global namespace.
    Object.defineProperty(holder, REGISTRY, { value: found, enumerable: false, writable: false, configurable: false });
  }
  return found;
}

/**
 * The process-wide value named `name`, created by `create` the first time any copy of the runtime asks.
 * @internal
 */
export function processShared<T>(name: string, create: () => T): T {
  const entries = registry();
  if (entries.has(name)) return entries.get(name) as T;
  const value = create();
  entries.set(name, value);
  return value;
}
