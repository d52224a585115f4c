import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SpecDocument } from "./generatorModule.js";

/** Operations per synthetic product: about the size of a real product's API (NAS has ~110). */
export const OPERATIONS_PER_PRODUCT = 100;

/** Suffixes that turn one real action into distinct, pronounceable synthetic ones (`StopDataFlowBravo`). */
const VARIANTS = ["", "Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliet", "Kilo", "Lima", "Mike", "November", "Oscar", "Papa", "Quebec", "Romeo", "Sierra", "Tango", "Uniform", "Victor", "Whiskey", "Xray", "Yankee", "Zulu"];

/** `0 → aa`, `1 → ab`, … : a letters-only suffix, since product codes become npm name prefixes. */
export function letters(index: number, width = 3): string {
  let out = "";
  for (let i = 0, n = index; i < width; i++, n = Math.floor(n / 26)) out = String.fromCharCode(97 + (n % 26)) + out;
  return out;
}

type Json = Record<string, unknown>;

function operationOf(doc: SpecDocument): { path: string; method: string; op: Json } {
  const [path, methods] = Object.entries(doc.paths)[0]!;
  const [method, op] = Object.entries(methods)[0]!;
  return { path, method, op };
}

/**
 * Shape changes applied by variant, so the catalog is not 15 shapes repeated: enum parameters, a flat
 * (`repeatList`) array of objects, a deeper nested response, and long lists of documented error codes.
 */
function mutate(op: Json, variant: number): void {
  const params = op.parameters as Json[];
  const names = new Set(params.map((p) => p.name));
  if (variant % 2 === 1 && !names.has("Tag")) {
    params.push({
      name: "Tag",
      in: "query",
      required: false,
      description: "Tags to match; every tag must match.",
      "x-acs-serialization": "repeatList",
      schema: { type: "array", maxItems: 20, items: { type: "object", properties: { Key: { type: "string", maxLength: 128 }, Value: { type: "string", maxLength: 128 } } } },
    });
  }
  if (variant % 4 === 1 && !names.has("SyntheticMode")) {
    params.push({ name: "SyntheticMode", in: "query", required: false, description: "A mode.", schema: { type: "string", enum: ["Standard", "Performance", "Economic", "Archive", "Basic"] } });
    params.push({ name: "SyntheticLevel", in: "query", required: false, description: "A level.", schema: { type: "integer", format: "int32", enum: [1, 2, 3, 4] } });
  }
  const responses = op.responses as Record<string, Json>;
  if (variant % 4 === 2) {
    const statuses = ["400", "403", "404", "409", "500"];
    for (let i = 0; i < 30; i++) {
      const status = statuses[i % statuses.length]!;
      const response = (responses[status] ??= { description: `Errors with HTTP status ${status}.` });
      const codes = (response["x-acs-error-codes"] ??= []) as Json[];
      codes.push({ code: `Synthetic.Error${letters(i, 2)}`, message: `Synthetic documented error number ${i}.` });
    }
  }
  const ok = (responses["200"]?.content as { "application/json"?: { schema?: Json } } | undefined)?.["application/json"]?.schema;
  if (variant % 4 === 3 && ok && ok.type === "object") {
    const properties = (ok.properties ??= {}) as Json;
    properties.SyntheticDetails = {
      type: "object",
      description: "Nested details.",
      properties: {
        TotalCount: { type: "integer", format: "int64" },
        Items: {
          type: "array",
          items: {
            type: "object",
            properties: {
              Id: { type: "string" },
              Status: { type: "string", enum: ["Creating", "Running", "Stopped", "Deleting"] },
              Attributes: { type: "array", items: { type: "object", properties: { Key: { type: "string" }, Value: { type: "string" } } } },
              Limits: { type: "object", properties: { Throughput: { type: "integer", format: "int32" }, Burst: { type: "boolean" } } },
            },
          },
        },
      },
    };
  }
}

/**
 * Writes a synthetic catalog of `count` operations into `specsDir`, in products of
 * {@link OPERATIONS_PER_PRODUCT}, each operation a renamed and reshaped copy of a real spec from
 * `templates`. Files are JSON (the loader accepts `.json`, and JSON is valid YAML for `_product.yaml`).
 */
export function writeSyntheticCatalog(templates: readonly SpecDocument[], count: number, specsDir: string): void {
  if (templates.length === 0) throw new Error("no template specs");
  if (Math.ceil(OPERATIONS_PER_PRODUCT / templates.length) > VARIANTS.length) throw new Error("too few template specs for one product");
  const version = "2024-01-01";
  for (let p = 0; p * OPERATIONS_PER_PRODUCT < count; p++) {
    const code = `synth${letters(p)}`;
    const product = `Synth${letters(p).toUpperCase()}`;
    const dir = join(specsDir, code, version);
    mkdirSync(dir, { recursive: true });
    const productDoc = {
      "x-acs-spec-kind": "product",
      product,
      code,
      version,
      title: `Synthetic product ${product}`,
      style: "RPC",
      signature: "ACS3-HMAC-SHA256",
      protocols: ["https"],
      endpoints: { pattern: `${code}.{regionId}.aliyuncs.com`, vpcPattern: `${code}-vpc.{regionId}.aliyuncs.com` },
    };
    writeFileSync(join(dir, "_product.yaml"), JSON.stringify(productDoc, null, 2));
    const inProduct = Math.min(OPERATIONS_PER_PRODUCT, count - p * OPERATIONS_PER_PRODUCT);
    for (let j = 0; j < inProduct; j++) {
      const template = templates[j % templates.length]!;
      const variant = Math.floor(j / templates.length);
      const doc = structuredClone(template);
      const { path, method, op } = operationOf(doc);
      const action = `${String(op.operationId)}${VARIANTS[variant]}`;
      op.operationId = action;
      op["x-acs-action"] = action;
      mutate(op, variant);
      doc.paths = { [path]: { [method]: op } };
      doc["x-acs-product"] = product;
      doc["x-acs-version"] = version;
      doc.info = { ...doc.info, title: `${product} ${action}`, version };
      writeFileSync(join(dir, `${action}.json`), JSON.stringify(doc, null, 2));
    }
  }
}
