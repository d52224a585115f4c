import type { HttpResponse } from "./types.js";

/** A response body as text: transports return text, or bytes when asked for them. */
export function responseText(response: HttpResponse): string {
  return typeof response.body === "string" ? response.body : new TextDecoder().decode(response.body);
}

/** A response body as bytes; a text body is encoded as UTF-8. */
export function responseBytes(response: HttpResponse): Uint8Array {
  return typeof response.body === "string" ? new TextEncoder().encode(response.body) : response.body;
}
