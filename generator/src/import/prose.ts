// Alibaba's metadata carries its own prose (summaries, titles, descriptions, mostly in Chinese). Specs keep
// facts only (names, types, limits, enums, examples, codes); text comes from this repository or from a link
// to the official reference page.

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/u;

/** True when `text` contains CJK characters or punctuation, the mark of Alibaba's own prose. */
export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** True when any string inside `value` (an example, a JSON document) contains CJK text. */
export function containsCjk(value: unknown): boolean {
  if (typeof value === "string") return hasCjk(value);
  if (Array.isArray(value)) return value.some(containsCjk);
  if (typeof value === "object" && value !== null) return Object.entries(value).some(([k, v]) => hasCjk(k) || containsCjk(v));
  return false;
}
