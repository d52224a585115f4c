import { describe, expect, it } from "vitest";
import { resolveStsEndpoint } from "./stsEndpoint.js";

describe("resolveStsEndpoint", () => {
  it("defaults to the global sts.aliyuncs.com over HTTPS", () => {
    expect(resolveStsEndpoint({}, {})).toEqual({ protocol: "https:", host: "sts.aliyuncs.com" });
  });

  it("uses the region, and its VPC endpoint when asked", () => {
    expect(resolveStsEndpoint({ region: "cn-shanghai" }, {})).toEqual({ protocol: "https:", host: "sts.cn-shanghai.aliyuncs.com" });
    expect(resolveStsEndpoint({ region: "cn-shanghai", vpc: true }, {})).toEqual({ protocol: "https:", host: "sts-vpc.cn-shanghai.aliyuncs.com" });
  });

  it("falls back to ALIBABA_CLOUD_STS_REGION and ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED", () => {
    const env = { ALIBABA_CLOUD_STS_REGION: "ap-southeast-1", ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED: "TRUE" };
    expect(resolveStsEndpoint({}, env)).toEqual({ protocol: "https:", host: "sts-vpc.ap-southeast-1.aliyuncs.com" });
    expect(resolveStsEndpoint({ region: "cn-beijing", vpc: false }, env)).toEqual({ protocol: "https:", host: "sts.cn-beijing.aliyuncs.com" });
  });

  it("takes an explicit endpoint over region and vpc: host, host:port, or a URL whose scheme picks the protocol", () => {
    expect(resolveStsEndpoint({ endpoint: "sts.example.com", region: "cn-x", vpc: true }, {})).toEqual({ protocol: "https:", host: "sts.example.com" });
    expect(resolveStsEndpoint({ endpoint: "https://sts.example.com/" }, {})).toEqual({ protocol: "https:", host: "sts.example.com" });
    expect(resolveStsEndpoint({ endpoint: "http://127.0.0.1:8080" }, {})).toEqual({ protocol: "http:", host: "127.0.0.1:8080" });
  });

  it("rejects an endpoint that is not a host, and a region that is not a region id", () => {
    expect(resolveStsEndpoint({ endpoint: "https://sts.example.com/path?x=1" }, {})).toEqual({ invalid: "STS endpoint is not a host name, host:port or http(s) URL" });
    expect(resolveStsEndpoint({ region: "cn-hangzhou.evil.com/" }, {})).toEqual({ invalid: "STS region is not a region id" });
  });
});
