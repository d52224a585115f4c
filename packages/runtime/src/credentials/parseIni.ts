/** Sections by name, each a map of keys to values. Maps, not objects, so a `[__proto__]` section is inert. */
export type IniData = ReadonlyMap<string, ReadonlyMap<string, string>>;

/**
 * Parses the small ini dialect of `~/.alibabacloud/credentials`: `[section]` headers, `key = value` lines,
 * full-line comments starting with `;` or `#`, and inline comments introduced by whitespace plus `;`/`#`
 * (whitespace required, so a value like `a#b` survives). Values may be wrapped in matching quotes. Keys before
 * the first header go to section `""`. Lines that fit no rule are ignored: echoing them in an error could
 * leak a secret, and the provider reports missing keys by name anyway. Later duplicates win.
 */
export function parseIni(text: string): IniData {
  const sections = new Map<string, Map<string, string>>();
  let current = new Map<string, string>();
  sections.set("", current);
  for (const rawLine of text.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === "" || line.startsWith(";") || line.startsWith("#")) continue;
    const header = /^\[([^\]]*)\]$/.exec(line);
    if (header) {
      const name = header[1]!.trim();
      current = sections.get(name) ?? new Map<string, string>();
      sections.set(name, current);
      continue;
    }
    const eq = line.indexOf("=");
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    // A quoted value keeps `;`/`#` inside the quotes; otherwise an inline comment ends the value.
    const quoted = /^(["'])(.*?)\1(?:\s*[;#].*)?$/.exec(value);
    current.set(key, quoted ? quoted[2]! : value.replace(/\s+[;#].*$/, ""));
  }
  return sections;
}
