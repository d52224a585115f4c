// Loads an official Alibaba Cloud SDK (CommonJS) and the very module instances it calls: its
// @alicloud/openapi-core (whose `Utils` dates and nonces every request) and @darabonba/typescript (models,
// RuntimeOptions). Everything is resolved from the SDK's own location, so a second copy of a dependency
// elsewhere in node_modules can never be the one patched by mistake.
import { createRequire } from "node:module";
import type { Product } from "../products.js";

/** A darabonba model class: `names()` maps camelCase properties to wire names, `types()` gives their types. */
export interface ModelClass {
  new (map?: Record<string, unknown>): Record<string, unknown>;
  names(): Record<string, string>;
  types(): Record<string, ModelType>;
}

/** A property type as `types()` declares it. */
export type ModelType =
  | string
  | ModelClass
  | { readonly type: "array"; readonly itemType: ModelType }
  | { readonly type: "map"; readonly keyType: ModelType; readonly valueType: ModelType };

/** The static helpers of openapi-core's `Utils` class that the suite pins. */
export interface OpenApiUtils {
  getTimestamp(): string;
  getDateUTCString(): string;
  getNonce(): string;
}

type OfficialClientInstance = Record<string, unknown>;

export interface LoadedSdk {
  readonly product: Product;
  /** The SDK's client class (`exports.default`). */
  readonly Client: new (config: unknown) => OfficialClientInstance;
  /** Every export of the SDK module: the request, headers and nested model classes. */
  readonly models: Readonly<Record<string, unknown>>;
  /** openapi-core's `Utils` as the SDK loads it. */
  readonly utils: OpenApiUtils;
  /** openapi-core's `Config` model. */
  readonly Config: new (map: Record<string, unknown>) => unknown;
  /** darabonba's `RuntimeOptions`. */
  readonly RuntimeOptions: new (map: Record<string, unknown>) => unknown;
  /** Names of the client's `…WithOptions` methods, lower-cased → real name. */
  readonly withOptionsMethods: ReadonlyMap<string, string>;
  /** The installed version of the SDK (from its package.json). */
  readonly version: string;
}

const requireHere = createRequire(import.meta.url);

export function isModelClass(value: unknown): value is ModelClass {
  return typeof value === "function" && typeof (value as ModelClass).names === "function" && typeof (value as ModelClass).types === "function";
}

function methodNames(proto: object): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (name.endsWith("WithOptions")) out.set(name.toLowerCase(), name);
  }
  return out;
}

const cache = new Map<string, LoadedSdk>();

/** Loads the official SDK of `product` (once per process). */
export function loadSdk(product: Product): LoadedSdk {
  const cached = cache.get(product.sdk);
  if (cached) return cached;
  const entry = requireHere.resolve(product.sdk);
  const requireFromSdk = createRequire(entry);
  const sdk = requireHere(product.sdk) as Record<string, unknown> & { default: new (config: unknown) => OfficialClientInstance };
  const coreEntry = requireFromSdk.resolve("@alicloud/openapi-core");
  const requireFromCore = createRequire(coreEntry);
  const core = requireFromSdk("@alicloud/openapi-core") as { $OpenApiUtil: { Config: new (map: Record<string, unknown>) => unknown } };
  // The client calls `utils_1.default.getTimestamp()` on the module `./utils` next to its client.js.
  const utils = (requireFromCore("./utils") as { default: OpenApiUtils }).default;
  const dara = requireFromSdk("@darabonba/typescript") as { RuntimeOptions: new (map: Record<string, unknown>) => unknown };
  const pkg = requireFromSdk(`${product.sdk}/package.json`) as { version: string };
  const loaded: LoadedSdk = {
    product,
    Client: sdk.default,
    models: sdk,
    utils,
    Config: core.$OpenApiUtil.Config,
    RuntimeOptions: dara.RuntimeOptions,
    withOptionsMethods: methodNames(sdk.default.prototype as object),
    version: pkg.version,
  };
  cache.set(product.sdk, loaded);
  return loaded;
}
