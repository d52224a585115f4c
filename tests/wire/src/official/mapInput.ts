// Maps an input keyed by metadata parameter names onto the arguments of the official SDK's
// `<camelAction>WithOptions(...)`, generically, from the SDK's own models: `Model.names()` (camelCase property
// → wire name) and `Model.types()` (nested model classes, arrays, maps), the `<Action>Request` and
// `<Action>Headers` classes, and the method's own parameter list (ROA path parameters are positional, in the
// order the method declares them). RPC "shrink" requests (`json`/`simple` styles) are left to the SDK, which
// converts its `tmpReq` itself. A ROA/FC `body` parameter goes into `request.body` when the request model has
// that field, and is flattened into the request model when the SDK does that (CS: `body["cpu_policy"] =
// request.cpuPolicy`).
//
// Whatever the SDK cannot express — an operation it lacks, a parameter or nested field its model lacks — is
// reported as skew with a reason and left out of the *shared input*, the input both sides are then given, so the
// comparison covers what both sides know and says what it left out.
import { Readable } from "node:stream";
import type { MetaOperation, MetaParameter } from "../metadata/loadMetadata.js";
import { isModelClass, type LoadedSdk, type ModelClass, type ModelType } from "./loadSdk.js";

/** Something the official SDK and the metadata disagree on. */
export interface SkewNote {
  /** `operation`: no such method; `parameter`/`field`: unknown to its models (left out of the shared input);
   *  `type`: declared with another type (sent as given, so the wire shows whether it matters). */
  readonly kind: "operation" | "parameter" | "field" | "type";
  /** `Action`, `Action.Param` or `Action.Param.nested[0].field`. */
  readonly path: string;
  readonly reason: string;
}

export interface OfficialPlan {
  /** The SDK method called, e.g. `createDataFlowWithOptions`. */
  readonly method: string;
  /** Fresh arguments for one call (a stream body can be read once only). */
  buildArgs(): unknown[];
  /** The input without what the SDK cannot express: what both sides are given. */
  readonly sharedInput: Readonly<Record<string, unknown>>;
  readonly skew: readonly SkewNote[];
}

export type PlanResult = { readonly ok: true; readonly plan: OfficialPlan } | { readonly ok: false; readonly skew: readonly SkewNote[] };

/** The parameter names of a function, from its source (`async fooWithOptions(ClusterId, tmpReq, headers, runtime)`). */
export function parameterNames(fn: (...args: never[]) => unknown): string[] {
  const m = /^[^(]*\(([^)]*)\)/.exec(Function.prototype.toString.call(fn));
  if (!m) throw new Error(`cannot read the parameter list of ${fn.name}`);
  return m[1]!
    .split(",")
    .map((s) => s.trim().replace(/=.*$/, "").trim())
    .filter((s) => s !== "");
}

function reverseNames(cls: ModelClass): Map<string, string> {
  const out = new Map<string, string>();
  for (const [camel, wire] of Object.entries(cls.names())) out.set(wire, camel);
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !Buffer.isBuffer(v);
}

function jsType(v: unknown): string {
  if (Array.isArray(v)) return "array";
  if (Buffer.isBuffer(v)) return "bytes";
  return typeof v;
}

const PRIMITIVE_MATCH: Readonly<Record<string, (v: unknown) => boolean>> = {
  string: (v) => typeof v === "string",
  number: (v) => typeof v === "number",
  integer: (v) => typeof v === "number",
  long: (v) => typeof v === "number",
  boolean: (v) => typeof v === "boolean",
};

interface Converted {
  /** What the SDK is given. */
  readonly sdk: unknown;
  /** The wire-keyed value without the fields the SDK does not know. */
  readonly shared: unknown;
}

/** Serializes a structured value as a user of the SDK would when the SDK declares a string. */
function serializeForStringField(value: unknown, style: string | undefined): unknown {
  if (style === "json") return JSON.stringify(value);
  if (style === "simple" && Array.isArray(value)) return value.map(String).join(",");
  return value;
}

/** Converts one wire-keyed value to what the SDK's model type expects, collecting skew. */
function convert(type: ModelType | undefined, value: unknown, path: string, style: string | undefined, skew: SkewNote[]): Converted {
  if (type === undefined) return { sdk: value, shared: value };
  if (isModelClass(type)) {
    if (!isPlainObject(value)) {
      skew.push({ kind: "type", path, reason: `SDK model ${type.name} expects an object, metadata value is ${jsType(value)}` });
      return { sdk: value, shared: value };
    }
    const reverse = reverseNames(type);
    const types = type.types();
    const instance = new type({});
    const shared: Record<string, unknown> = {};
    for (const [wire, v] of Object.entries(value)) {
      const camel = reverse.get(wire);
      if (camel === undefined) {
        skew.push({ kind: "field", path: `${path}.${wire}`, reason: `not a field of SDK model ${type.name}` });
        continue;
      }
      const c = convert(types[camel], v, `${path}.${wire}`, undefined, skew);
      instance[camel] = c.sdk;
      shared[wire] = c.shared;
    }
    return { sdk: instance, shared };
  }
  if (typeof type === "object") {
    if (type.type === "array") {
      if (!Array.isArray(value)) {
        skew.push({ kind: "type", path, reason: `SDK declares an array, metadata value is ${jsType(value)}` });
        return { sdk: value, shared: value };
      }
      const items = value.map((item, i) => convert(type.itemType, item, `${path}[${i}]`, undefined, skew));
      return { sdk: items.map((c) => c.sdk), shared: items.map((c) => c.shared) };
    }
    if (type.type === "map") {
      if (!isPlainObject(value)) return { sdk: value, shared: value };
      const sdk: Record<string, unknown> = {};
      const shared: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        const c = convert(type.valueType, v, `${path}.${k}`, undefined, skew);
        sdk[k] = c.sdk;
        shared[k] = c.shared;
      }
      return { sdk, shared };
    }
    return { sdk: value, shared: value };
  }
  // A primitive type name.
  if (type === "Readable") {
    const bytes = Buffer.isBuffer(value) ? value : Buffer.from(String(value));
    return { sdk: Readable.from([bytes]), shared: value };
  }
  if (type === "Buffer") return { sdk: Buffer.isBuffer(value) ? value : Buffer.from(String(value)), shared: value };
  if (type === "string" && (Array.isArray(value) || isPlainObject(value))) {
    skew.push({ kind: "type", path, reason: `SDK declares a string, metadata a structured value (style ${style ?? "flat"}); given serialized as a user would` });
    return { sdk: serializeForStringField(value, style), shared: value };
  }
  const matches = PRIMITIVE_MATCH[type];
  if (matches && !matches(value)) {
    skew.push({ kind: "type", path, reason: `SDK declares ${type}, metadata value is ${jsType(value)}; given as the metadata types it` });
  }
  return { sdk: value, shared: value };
}

/**
 * A value for a model field that may already hold part of it: ECS declares both `SystemDisk.Size` (a dotted
 * parameter) and `SystemDisk` (an object of other fields), which the SDK models as one nested model. The
 * object's fields are added to what the dotted parameters set, instead of replacing it.
 */
function mergeInto(previous: unknown, next: unknown): unknown {
  if (!isPlainObjectLike(previous) || !isPlainObjectLike(next)) return next;
  for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== null) (previous as Record<string, unknown>)[k] = v;
  return previous;
}

function isPlainObjectLike(v: unknown): v is object {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}

/** Lower-cases the first letter, as the SDKs name their methods (`DescribeCPFSFilesets` → `describeCPFSFilesets`). */
function sdkMethodBase(action: string): string {
  return action.charAt(0).toLowerCase() + action.slice(1);
}

/**
 * Sets one wire-keyed parameter on a model instance, or reports it as skew. A dotted metadata name
 * (`SystemDisk.Size`, as ECS declares nested fields) goes into the nested model the SDK has for its prefix.
 */
function assign(cls: ModelClass | undefined, instance: Record<string, unknown> | undefined, param: MetaParameter, wireName: string, value: unknown, path: string, skew: SkewNote[]): Converted | undefined {
  if (!cls || !instance) {
    skew.push({ kind: "parameter", path, reason: `the SDK method takes no ${param.in === "header" ? "headers model" : "request model"} for it` });
    return undefined;
  }
  const set = (model: ModelClass, target: Record<string, unknown>, wire: string): Converted | undefined => {
    const reverse = reverseNames(model);
    const camel = reverse.get(wire);
    if (camel !== undefined) {
      const c = convert(model.types()[camel], value, path, param.style, skew);
      target[camel] = mergeInto(target[camel], c.sdk);
      return c;
    }
    for (let dot = wire.indexOf("."); dot > 0; dot = wire.indexOf(".", dot + 1)) {
      const outer = reverse.get(wire.slice(0, dot));
      if (outer === undefined) continue;
      const c = setNested(model.types()[outer], target, outer, wire.slice(dot + 1));
      if (c) return c;
    }
    return undefined;
  };
  /** `rest` of a dotted name below `holder[key]` of type `type`: a nested model, or `N.…` into a list (1-based). */
  const setNested = (type: ModelType | undefined, holder: Record<string | number, unknown>, key: string | number, rest: string): Converted | undefined => {
    if (isModelClass(type)) {
      const nested = (holder[key] ??= new type({})) as Record<string, unknown>;
      return set(type, nested, rest);
    }
    if (typeof type === "object" && !isModelClass(type) && type.type === "array") {
      const m = /^(\d+)(?:\.(.*))?$/.exec(rest);
      if (!m) return undefined;
      const list = (holder[key] ??= []) as unknown[];
      const index = Number(m[1]) - 1;
      if (m[2] === undefined) {
        const c = convert(type.itemType, value, path, param.style, skew);
        list[index] = c.sdk;
        return c;
      }
      return setNested(type.itemType, list as unknown as Record<number, unknown>, index, m[2]);
    }
    return undefined;
  };
  const c = set(cls, instance, wireName);
  if (c === undefined) skew.push({ kind: "parameter", path, reason: `not a field of SDK model ${cls.name}` });
  return c;
}

/**
 * Plans the official call of `op` with `input` (keyed by metadata parameter names). Fails, with skew, only when
 * the SDK has no method for the operation.
 */
export function planOfficialCall(sdk: LoadedSdk, op: MetaOperation, input: Readonly<Record<string, unknown>>): PlanResult {
  const methodName = sdk.withOptionsMethods.get(`${sdkMethodBase(op.action)}WithOptions`.toLowerCase());
  if (methodName === undefined) {
    return { ok: false, skew: [{ kind: "operation", path: op.action, reason: `${sdk.product.sdk}@${sdk.version} has no ${sdkMethodBase(op.action)}WithOptions` }] };
  }
  const fn = (sdk.Client.prototype as Record<string, (...args: never[]) => unknown>)[methodName]!;
  const argNames = parameterNames(fn);
  const RequestClass = sdk.models[`${op.action}Request`];
  const HeadersClass = sdk.models[`${op.action}Headers`];
  const requestClass = isModelClass(RequestClass) && argNames.some((a) => a === "request" || a === "tmpReq") ? RequestClass : undefined;
  const headersClass = isModelClass(HeadersClass) ? HeadersClass : undefined;

  // Built once to learn the skew and the shared input; rebuilt per call by buildArgs (streams are read once).
  const build = (skew: SkewNote[]) => {
    const request = requestClass ? new requestClass({}) : undefined;
    const headers = headersClass ? new headersClass({}) : undefined;
    const pathValues = new Map<string, unknown>();
    const shared: Record<string, unknown> = {};
    for (const param of op.parameters) {
      const value = input[param.name];
      if (value === undefined) continue;
      const path = `${op.action}.${param.name}`;
      if (param.in === "path") {
        pathValues.set(param.name.toLowerCase(), value);
        shared[param.name] = value;
        continue;
      }
      if (param.in === "host") {
        skew.push({ kind: "parameter", path, reason: "host parameters are not driven through the official SDK" });
        continue;
      }
      if (param.in === "header") {
        const c = assign(headersClass, headers, param, param.name, value, path, skew);
        if (c) shared[param.name] = c.shared;
        continue;
      }
      if (param.in === "body" && param.name === "body" && sdk.product.style !== "RPC" && requestClass && !reverseNames(requestClass).has("body")) {
        // The SDK flattens the body object's fields into its request model.
        if (!isPlainObject(value)) {
          skew.push({ kind: "parameter", path, reason: `SDK model ${requestClass.name} has no body field and the body is not an object` });
          continue;
        }
        const sharedBody: Record<string, unknown> = {};
        for (const [field, v] of Object.entries(value)) {
          const c = assign(requestClass, request, param, field, v, `${path}.${field}`, skew);
          if (c) sharedBody[field] = c.shared;
        }
        shared[param.name] = sharedBody;
        continue;
      }
      const c = assign(requestClass, request, param, param.name, value, path, skew);
      if (c) shared[param.name] = c.shared;
    }
    // Path arguments by name, ignoring case, `_` and `-` (`clusterId` is the metadata's `cluster_id`); those
    // left over are paired with the metadata's unmatched path parameters in the order of the path template.
    const norm = (s: string) => s.toLowerCase().replace(/[-_]/g, "");
    const metaPath = op.parameters.filter((p) => p.in === "path");
    const pathArgs = argNames.filter((a) => a !== "runtime" && a !== "headers" && a !== "request" && a !== "tmpReq");
    const bound = new Map<string, MetaParameter>();
    for (const a of pathArgs) {
      const m = metaPath.find((p) => norm(p.name) === norm(a));
      if (m) bound.set(a, m);
    }
    const templateOrder = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    const leftover = metaPath.filter((p) => ![...bound.values()].includes(p)).sort((x, y) => templateOrder.indexOf(x.name) - templateOrder.indexOf(y.name));
    for (const a of pathArgs) if (!bound.has(a) && leftover.length > 0) bound.set(a, leftover.shift()!);
    const args: unknown[] = [];
    for (const name of argNames) {
      if (name === "runtime") args.push(new sdk.RuntimeOptions({ autoretry: false, maxAttempts: 1 }));
      else if (name === "headers") args.push(headers ?? {});
      else if (name === "request" || name === "tmpReq") args.push(request ?? {});
      else {
        const meta = bound.get(name);
        if (!meta) skew.push({ kind: "parameter", path: `${op.action}.${name}`, reason: `the SDK takes a path argument ${name} the metadata does not declare` });
        args.push(meta ? pathValues.get(meta.name.toLowerCase()) : undefined);
      }
    }
    for (const param of leftover) {
      skew.push({ kind: "parameter", path: `${op.action}.${param.name}`, reason: `the SDK method ${methodName}(${argNames.join(", ")}) takes no such path argument` });
      delete shared[param.name];
    }
    return { args, shared };
  };
  const skew: SkewNote[] = [];
  const first = build(skew);
  return {
    ok: true,
    plan: { method: methodName, sharedInput: first.shared, skew, buildArgs: () => build([]).args },
  };
}
