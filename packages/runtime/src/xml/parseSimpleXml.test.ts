import { describe, expect, it } from "vitest";
import { MAX_XML_DEPTH, parseSimpleXml } from "./parseSimpleXml.js";

/** Plain objects for comparison (the parser's have no prototype). */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const ALIBABA_ERROR = `<?xml version="1.0" encoding="UTF-8"?>
<Error>
  <RequestId>5F1B2C3D-0000-4000-8000-000000000001</RequestId>
  <HostId>ecs.aliyuncs.com</HostId>
  <Code>Forbidden.RAM</Code>
  <Message>User not authorized to operate on the specified resource, or this API doesn't support RAM.</Message>
  <Recommend><![CDATA[https://api.aliyun.com/troubleshoot?q=Forbidden.RAM&product=Ecs]]></Recommend>
</Error>
`;

describe("parseSimpleXml", () => {
  it("reads an Alibaba Cloud error document: declaration, text elements, CDATA", () => {
    const doc = parseSimpleXml(ALIBABA_ERROR);
    expect(doc?.name).toBe("Error");
    expect(plain(doc?.value)).toEqual({
      RequestId: "5F1B2C3D-0000-4000-8000-000000000001",
      HostId: "ecs.aliyuncs.com",
      Code: "Forbidden.RAM",
      Message: "User not authorized to operate on the specified resource, or this API doesn't support RAM.",
      Recommend: "https://api.aliyun.com/troubleshoot?q=Forbidden.RAM&product=Ecs",
    });
  });

  it("decodes the five predefined entities and character references, decimal and hex", () => {
    const doc = parseSimpleXml("<E><M>a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; &#20013;&#x6587; &#x1F600;</M></E>");
    expect(plain(doc?.value)).toEqual({ M: "a <b> & \"c\" 'd' 中文 😀" });
  });

  it("reads empty and self-closing elements as empty text, and keeps text whitespace", () => {
    expect(plain(parseSimpleXml("<E><A/><B></B><C> x </C><D attr='1' /></E>")?.value)).toEqual({ A: "", B: "", C: " x ", D: "" });
    expect(parseSimpleXml("<Error/>")).toEqual({ name: "Error", value: "" });
  });

  it("reads nested elements (AccessDeniedDetail) and a repeated name as a list", () => {
    const doc = parseSimpleXml("<Error><Code>X</Code><AccessDeniedDetail><AuthAction>ecs:Run</AuthAction></AccessDeniedDetail><Item>1</Item><Item>2</Item><Item>3</Item></Error>");
    expect(plain(doc?.value)).toEqual({ Code: "X", AccessDeniedDetail: { AuthAction: "ecs:Run" }, Item: ["1", "2", "3"] });
  });

  it("ignores attributes, comments, a BOM and surrounding whitespace", () => {
    const doc = parseSimpleXml('\ufeff  <?xml version="1.0"?>\n<!-- c --><Error xmlns="http://x" a = "1"><!-- inner --><Code>X</Code>\n</Error >\n<!-- end -->\n');
    expect(plain(doc?.value)).toEqual({ Code: "X" });
  });

  it("holds an element named __proto__ as plain data, without a prototype", () => {
    const value = parseSimpleXml("<E><__proto__>x</__proto__><constructor>y</constructor></E>")?.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBeNull();
    expect(Object.keys(value)).toEqual(["__proto__", "constructor"]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it.each<[string, string]>([
    ["an empty string", ""],
    ["text, not markup", "Forbidden"],
    ["HTML with a DOCTYPE", "<!DOCTYPE html><html><body>502</body></html>"],
    ["an unclosed element", "<Error><Code>X</Code>"],
    ["a mismatched close tag", "<Error><Code>X</Cod></Error>"],
    ["a stray & in text", "<E><M>a & b</M></E>"],
    ["an unknown entity", "<E><M>&nbsp;</M></E>"],
    ["a reference to no character", "<E><M>&#0;</M></E>"],
    ["a surrogate reference", "<E><M>&#xD800;</M></E>"],
    ["a reference past U+10FFFF", "<E><M>&#x110000;</M></E>"],
    ["mixed text and elements", "<E>text<C>x</C></E>"],
    ["two roots", "<A/><B/>"],
    ["text after the root", "<A/>x"],
    ["an unterminated CDATA", "<E><![CDATA[x</E>"],
    ["an unterminated comment", "<E><!-- x</E>"],
    ["a processing instruction in content", "<E><?pi x?></E>"],
    ["an attribute without quotes", "<E a=1/>"],
    ["an attribute value with <", '<E a="<"/>'],
    ["an unterminated declaration", "<?xml version='1.0'"],
  ])("refuses %s", (_, text) => {
    expect(parseSimpleXml(text)).toBeUndefined();
  });

  it(`reads ${MAX_XML_DEPTH} levels and refuses more, without recursing further`, () => {
    const nest = (levels: number): string => "<a>".repeat(levels) + "x" + "</a>".repeat(levels);
    expect(parseSimpleXml(nest(MAX_XML_DEPTH))).toBeDefined();
    expect(parseSimpleXml(nest(MAX_XML_DEPTH + 1))).toBeUndefined();
    expect(parseSimpleXml(nest(100_000))).toBeUndefined();
  });

  it("reads a large flat document in one pass", () => {
    const items = "<I>x</I>".repeat(50_000);
    const doc = parseSimpleXml(`<E>${items}</E>`);
    expect((doc?.value as Record<string, unknown[]>).I).toHaveLength(50_000);
  });
});
