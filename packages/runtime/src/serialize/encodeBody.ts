import { ValidationError } from "../errors/ValidationError.js";
import type { BodyDescriptor } from "../operation.js";
import { formEncode } from "./formEncode.js";
import { serializeParameter, type BodyParam, type WireParam } from "./serializeParameters.js";

/** An encoded request body and its content type. */
export interface EncodedBody {
  readonly bytes: string | Uint8Array;
  readonly contentType: string;
}

export const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";
export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";
export const BINARY_CONTENT_TYPE = "application/octet-stream";

/**
 * Encodes the body parameters as the operation's body, or returns `undefined` when no body is sent.
 * The rules are those of Alibaba's official clients (`@alicloud/openapi-core` `doRequest`): a form body
 * flattens its fields like query parameters; a JSON body is the root parameter's value, or an object of the
 * body fields; a binary body is the root parameter's bytes. With `sendEmpty`, an input without body
 * parameters still sends `{}` (JSON) or a 0-byte form, with its content type.
 */
export function encodeBody(body: BodyDescriptor | undefined, params: readonly BodyParam[], action = "request"): EncodedBody | undefined {
  if (body === undefined) return undefined;
  if (params.length === 0 && !body.sendEmpty) return undefined;
  switch (body.encoding) {
    case "form": {
      const pairs: WireParam[] = [];
      for (const [param, value] of params) pairs.push(...serializeParameter(param, value));
      if (new Set(pairs.map(([k]) => k)).size !== pairs.length) {
        const repeated = pairs.find(([k], i) => pairs.findIndex(([other]) => other === k) !== i)![0];
        throw new ValidationError(action, repeated, "is set twice: two parameters of the input put this key on the wire; set it once");
      }
      return { bytes: formEncode(pairs), contentType: FORM_CONTENT_TYPE };
    }
    case "json": {
      // A root object the official clients always build (sendEmpty) is `{}` when none of it is given.
      const value = body.root !== undefined ? (params.find(([p]) => p.name === body.root)?.[1] ?? {}) : Object.fromEntries(params.map(([p, v]) => [p.name, v]));
      return { bytes: JSON.stringify(value), contentType: JSON_CONTENT_TYPE };
    }
    case "binary": {
      const value = params.find(([p]) => p.name === body.root)?.[1];
      const bytes = value === undefined ? new Uint8Array(0) : typeof value === "string" ? new TextEncoder().encode(value) : (value as Uint8Array);
      return { bytes, contentType: BINARY_CONTENT_TYPE };
    }
  }
}
