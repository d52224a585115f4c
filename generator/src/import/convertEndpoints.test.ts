import { describe, expect, it } from "vitest";
import { convertEndpoints } from "./convertEndpoints.js";

const FALLBACK = "nas.{regionId}.aliyuncs.com";

describe("convertEndpoints", () => {
  it("takes the pattern most regions follow and lists the others as exceptions", () => {
    const reports: string[] = [];
    const result = convertEndpoints(
      [
        { regionId: "cn-hangzhou", endpoint: "nas.cn-hangzhou.aliyuncs.com" },
        { regionId: "cn-hangzhou-finance", endpoint: "nas.aliyuncs.com" },
        { regionId: "us-east-1", endpoint: "nas.us-east-1.aliyuncs.com" },
        { regionId: "eu-west-1", endpoint: "nas-intl.eu-west-1.aliyuncs.com" },
      ],
      "x.{regionId}.example",
      (m) => reports.push(m),
    );
    expect(result).toEqual({ pattern: FALLBACK, regions: { "cn-hangzhou-finance": "nas.aliyuncs.com", "eu-west-1": "nas-intl.eu-west-1.aliyuncs.com" } });
    expect(reports).toEqual([]);
  });

  it("breaks ties by first appearance, so the result depends only on the input", () => {
    const list = [
      { regionId: "a-1", endpoint: "one.a-1.example.com" },
      { regionId: "b-1", endpoint: "two.b-1.example.com" },
    ];
    expect(convertEndpoints(list, FALLBACK, () => {}).pattern).toBe("one.{regionId}.example.com");
  });

  it("falls back to <code>.{regionId}.aliyuncs.com and reports entries it cannot use", () => {
    const reports: string[] = [];
    const result = convertEndpoints([{ regionId: "cn-x", endpoint: "central.aliyuncs.com" }, { regionId: "Bad Id", endpoint: "x" }], FALLBACK, (m) => reports.push(m));
    expect(result).toEqual({ pattern: FALLBACK, regions: { "cn-x": "central.aliyuncs.com" } });
    expect(reports).toHaveLength(2);
    expect(convertEndpoints([], FALLBACK, () => {})).toEqual({ pattern: FALLBACK });
  });
});
