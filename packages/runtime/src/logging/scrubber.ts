/** Replaces the secrets a scrubber knows wherever they occur in a text. */
export type Scrub = (text: string) => string;

/** RFC 3986 percent-encoding (the signer's form), `encodeURIComponent` plus `!'()*`. */
function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The forms a string takes on the wire: as is, percent-encoded (two ways), form-encoded, and JSON-escaped. */
function wireForms(text: string): string[] {
  return [text, encodeURIComponent(text), rfc3986(text), new URLSearchParams({ v: text }).toString().slice(2), JSON.stringify(text).slice(1, -1)];
}

/** Strings shorter than this are not looked for: no credential is that short, and they would match everywhere. */
const MIN_LENGTH = 3;

/**
 * A {@link Scrub} that replaces each `[secret, replacement]` pair's secret, in every wire form, by its
 * replacement. Longest first, so a secret that contains another is replaced whole.
 */
export function scrubber(pairs: readonly (readonly [secret: string, replacement: string])[]): Scrub {
  const forms = new Map<string, string>();
  for (const [secret, replacement] of pairs) {
    if (secret.length < MIN_LENGTH) continue;
    for (const form of wireForms(secret)) if (!forms.has(form)) forms.set(form, replacement);
  }
  const ordered = [...forms].sort(([a], [b]) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const [secret, replacement] of ordered) if (out.includes(secret)) out = out.split(secret).join(replacement);
    return out;
  };
}
