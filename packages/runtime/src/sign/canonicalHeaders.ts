/** Signature V3 signs `host`, `content-type` and every `x-acs-*` header. */
export function isSignedHeader(lowerName: string): boolean {
  return lowerName === "host" || lowerName === "content-type" || lowerName.startsWith("x-acs-");
}

/** Canonical header block and the `SignedHeaders` list, from lower-case header names. */
export function canonicalHeaders(headers: Readonly<Record<string, string>>): { block: string; signed: string } {
  const names: string[] = [];
  for (const name in headers) if (isSignedHeader(name) && Object.hasOwn(headers, name)) names.push(name);
  names.sort();
  let block = "";
  let signed = "";
  for (const name of names) {
    block += name + ":" + headers[name]!.trim() + "\n";
    signed += (signed === "" ? "" : ";") + name;
  }
  return { block, signed };
}
