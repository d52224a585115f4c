/**
 * A small, strict reader for the XML that Alibaba Cloud gateways answer errors with, not a general XML
 * parser:
 *
 * ```xml
 * <?xml version="1.0" encoding="UTF-8"?>
 * <Error>
 *   <RequestId>5F1B…</RequestId>
 *   <Code>Forbidden.RAM</Code>
 *   <Message>User not authorized &amp; …</Message>
 *   <Recommend><![CDATA[https://api.aliyun.com/troubleshoot?q=Forbidden.RAM]]></Recommend>
 * </Error>
 * ```
 *
 * An element holds either text (with the five predefined entities, character references and CDATA) or only
 * child elements, to a depth of {@link MAX_XML_DEPTH}; attributes are read and ignored; comments and an XML
 * declaration are skipped. Anything else (a DOCTYPE, mixed text and elements, an unknown entity, a tag that
 * does not close) makes the whole document unreadable: `undefined`, never a guess. The scan is linear in the
 * length of the text, and objects it builds have no prototype (an element named `__proto__` is plain data).
 */

/** An element's value: its text, or its children by name (a name seen twice holds an array). */
export type XmlValue = string | XmlRecord | XmlValue[];

/** An element's children by name. */
export interface XmlRecord {
  readonly [name: string]: XmlValue;
}

/** The root element of a document. */
export interface XmlDocument {
  readonly name: string;
  readonly value: XmlValue;
}

/** Deepest element nesting read; a deeper document is unreadable. */
export const MAX_XML_DEPTH = 8;

const NAME = /[A-Za-z_][A-Za-z0-9._:-]*/y;
const SPACE = /[ \t\r\n]*/y;
const ATTRIBUTE = /[ \t\r\n]+[A-Za-z_][A-Za-z0-9._:-]*[ \t\r\n]*=[ \t\r\n]*(?:"[^<"]*"|'[^<']*')/y;
const PREDEFINED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Thrown inside the reader when the document is not of the accepted shape; never escapes it. */
class Unreadable extends Error {}

class Reader {
  pos = 0;
  constructor(readonly text: string) {}

  fail(): never {
    throw new Unreadable();
  }

  startsWith(s: string): boolean {
    return this.text.startsWith(s, this.pos);
  }

  expect(s: string): void {
    if (!this.startsWith(s)) this.fail();
    this.pos += s.length;
  }

  match(re: RegExp): string | undefined {
    re.lastIndex = this.pos;
    const m = re.exec(this.text);
    if (m === null) return undefined;
    this.pos += m[0].length;
    return m[0];
  }

  skipSpace(): void {
    this.match(SPACE);
  }

  /** Skips `<!-- … -->`; returns whether there was one. */
  skipComment(): boolean {
    if (!this.startsWith("<!--")) return false;
    const end = this.text.indexOf("-->", this.pos + 4);
    if (end < 0) this.fail();
    this.pos = end + 3;
    return true;
  }

  /** Whitespace and comments, as allowed around the root element and between child elements. */
  skipMisc(): void {
    do this.skipSpace();
    while (this.skipComment());
  }

  name(): string {
    return this.match(NAME) ?? this.fail();
  }

  /** One element, starting at its `<`. */
  element(depth: number): XmlDocument {
    if (depth > MAX_XML_DEPTH) this.fail();
    this.expect("<");
    const name = this.name();
    while (this.match(ATTRIBUTE) !== undefined);
    this.skipSpace();
    if (this.startsWith("/>")) {
      this.pos += 2;
      return { name, value: "" };
    }
    this.expect(">");
    const value = this.content(depth);
    this.expect("</");
    if (this.name() !== name) this.fail();
    this.skipSpace();
    this.expect(">");
    return { name, value };
  }

  /** What lies between an element's tags: text, or child elements (whitespace and comments between them). */
  content(depth: number): XmlValue {
    let text = "";
    let children: Record<string, XmlValue> | undefined;
    let hasText = false;
    for (;;) {
      if (this.startsWith("</")) break;
      if (this.startsWith("<![CDATA[")) {
        const end = this.text.indexOf("]]>", this.pos + 9);
        if (end < 0) this.fail();
        text += this.text.slice(this.pos + 9, end);
        hasText = true;
        this.pos = end + 3;
      } else if (this.skipComment()) {
        continue;
      } else if (this.startsWith("<")) {
        const child = this.element(depth + 1);
        children ??= Object.create(null) as Record<string, XmlValue>;
        const seen = children[child.name];
        // An element's own value is never an array, so an array here is the list of a repeated name.
        if (seen === undefined) children[child.name] = child.value;
        else if (Array.isArray(seen)) seen.push(child.value);
        else children[child.name] = [seen, child.value];
      } else {
        const next = this.text.indexOf("<", this.pos);
        if (next < 0) this.fail();
        const raw = this.text.slice(this.pos, next);
        if (raw.trim() !== "") hasText = true;
        text += decodeEntities(raw) ?? this.fail();
        this.pos = next;
      }
    }
    if (children === undefined) return text;
    // Mixed content (text beside child elements) is not the shape this reads.
    if (hasText) this.fail();
    return children;
  }
}

const REFERENCE = /&([^;&<]{1,10});/g;
const CHARACTER_REFERENCE = /^#(?:x([0-9A-Fa-f]{1,6})|([0-9]{1,7}))$/;

/** The character a reference (between `&` and `;`) stands for, or undefined when it is unknown or invalid. */
function referenced(ref: string): string | undefined {
  if (Object.hasOwn(PREDEFINED, ref)) return PREDEFINED[ref];
  const m = CHARACTER_REFERENCE.exec(ref);
  if (m === null) return undefined;
  const code = m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2]);
  return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : undefined;
}

/** Text with its references decoded, or undefined when one is unknown or invalid, or an `&` starts none. */
function decodeEntities(raw: string): string | undefined {
  if (!raw.includes("&")) return raw;
  if (raw.replace(REFERENCE, "").includes("&")) return undefined;
  let ok = true;
  const decoded = raw.replace(REFERENCE, (_, ref: string) => {
    const char = referenced(ref);
    if (char === undefined) ok = false;
    return char ?? "";
  });
  return ok ? decoded : undefined;
}

/**
 * Reads `text` as one XML element (see the file comment for what is accepted), or `undefined` when it is
 * not of that shape. Never throws.
 */
export function parseSimpleXml(text: string): XmlDocument | undefined {
  const reader = new Reader(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  try {
    reader.skipSpace();
    if (reader.startsWith("<?xml")) {
      const end = reader.text.indexOf("?>", reader.pos);
      if (end < 0) reader.fail();
      reader.pos = end + 2;
    }
    reader.skipMisc();
    const root = reader.element(1);
    reader.skipMisc();
    return reader.pos === reader.text.length ? root : undefined;
  } catch (error) {
    if (error instanceof Unreadable) return undefined;
    throw error;
  }
}
