import { describe, expect, it } from "vitest";
import { canonicalEncodedQuery, canonicalQuery } from "./canonicalQuery.js";
import { percentEncode } from "./percentEncode.js";

describe("canonicalQuery", () => {
  it("is empty for no parameters", () => {
    expect(canonicalQuery([])).toBe("");
  });

  it("sorts by name in code-unit order (upper case before lower case, `.` before digits)", () => {
    expect(canonicalQuery([["b", "1"], ["a", "2"], ["B", "3"], ["Tag.10.Key", "x"], ["Tag.2.Key", "y"], ["Tag.1.Key", "z"]])).toBe(
      "B=3&Tag.1.Key=z&Tag.10.Key=x&Tag.2.Key=y&a=2&b=1",
    );
  });

  it("encodes names and values with RFC 3986 and keeps empty values as `name=`", () => {
    expect(canonicalQuery([["Name", "a b*~+/"], ["Empty", ""]])).toBe("Empty=&Name=a%20b%2A~%2B%2F");
  });

  it("sorts by encoded name, so characters that encode are ordered by their escape", () => {
    // "%" (0x25, from encoding " ") sorts before "-" (0x2D) although " " would sort before "-" too; "~" stays last.
    expect(canonicalQuery([["a~", "1"], ["a-", "2"], ["a ", "3"]])).toBe("a%20=3&a-=2&a~=1");
  });

  it("orders repeated names by value, independent of input order", () => {
    const forward = canonicalQuery([["k", "b"], ["k", "a"]]);
    const backward = canonicalQuery([["k", "a"], ["k", "b"]]);
    expect(forward).toBe("k=a&k=b");
    expect(backward).toBe(forward);
  });

  it("does not reorder its input array", () => {
    const params: [string, string][] = [["b", "1"], ["a", "2"]];
    canonicalQuery(params);
    expect(params).toEqual([["b", "1"], ["a", "2"]]);
  });
});

describe("canonicalEncodedQuery", () => {
  it("gives canonicalQuery's string from pairs the request already encoded, in any order", () => {
    const query: [string, string][] = [["Tag.1.Value", "a b*"], ["Action", "x"], ["Tag.1.Key", "k(1)"], ["A", "2"], ["A", "1"]];
    const encoded = query.map(([k, v]) => [percentEncode(k), percentEncode(v)] as const);
    expect(canonicalEncodedQuery(encoded)).toBe(canonicalQuery(query));
    expect(canonicalEncodedQuery(encoded)).toBe("A=1&A=2&Action=x&Tag.1.Key=k%281%29&Tag.1.Value=a%20b%2A");
    expect(canonicalEncodedQuery([])).toBe("");
    // The caller's pairs keep their order (they are also the URL's).
    expect(encoded[0]![0]).toBe("Tag.1.Value");
  });
});
