// Frozen signature V3 vectors: fixed key, secret, date, nonce and request → exact canonical request and
// Authorization. The first is Alibaba Cloud's published example; the others were computed once and
// cross-checked with the official @alicloud/openapi-util signer (signRequestV3.test.ts re-checks them
// against it on every run). Test-only credentials: none of these keys exists.
import type { SignableRequest, SignatureInputs } from "../signRequestV3.js";
import type { Credentials } from "../../credentials/types.js";

/** One frozen vector. */
export interface SignatureVector {
  readonly name: string;
  readonly request: SignableRequest;
  readonly credentials: Credentials;
  readonly inputs: SignatureInputs;
  readonly canonicalRequest: string;
  readonly authorization: string;
}

const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const TEST_KEY = { accessKeyId: "LTAI5tTESTACCESSKEYID0000", accessKeySecret: "TestSecret-DoNotLeak-8f3a1c9e" };
const PINNED = { date: "2024-06-24T08:00:00Z", nonce: "3b9f6a1e-pinned-nonce-0001" };

export const SIGNATURE_VECTORS: readonly SignatureVector[] = [
  {
    // https://www.alibabacloud.com/help/en/sdk/product-overview/v3-request-structure-and-signature
    name: "Alibaba Cloud's published example (ECS RunInstances)",
    request: {
      method: "POST",
      host: "ecs.cn-shanghai.aliyuncs.com",
      pathname: "/",
      query: [
        ["ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd"],
        ["RegionId", "cn-shanghai"],
      ],
      headers: { "x-acs-action": "RunInstances", "x-acs-version": "2014-05-26" },
    },
    credentials: { accessKeyId: "YourAccessKeyId", accessKeySecret: "YourAccessKeySecret" },
    inputs: { date: "2023-10-26T10:22:32Z", nonce: "3156853299f313e23d1673dc12e1703d" },
    canonicalRequest:
      "POST\n/\nImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai\n" +
      "host:ecs.cn-shanghai.aliyuncs.com\nx-acs-action:RunInstances\n" +
      `x-acs-content-sha256:${EMPTY_SHA256}\nx-acs-date:2023-10-26T10:22:32Z\n` +
      "x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d\nx-acs-version:2014-05-26\n\n" +
      `host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version\n${EMPTY_SHA256}`,
    authorization:
      "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version," +
      "Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0",
  },
  {
    name: "STS credentials, reserved and non-ASCII characters, empty value, unsigned headers",
    request: {
      method: "POST",
      host: "nas.cn-hangzhou.aliyuncs.com",
      pathname: "/",
      query: [
        ["FileSystemId", "bmcpfs-370lx1ev9ss27o0****"],
        ["Description", "a b+c/d%e=f&g~h ü中😀"],
        ["Filters.1.Key", "Status"],
        ["ClientToken", ""],
      ],
      headers: { "x-acs-action": "DescribeDataFlows", "x-acs-version": "2017-06-26", accept: "application/json", "user-agent": "test" },
    },
    credentials: { ...TEST_KEY, securityToken: "TestSecurityToken-DoNotLeak-77ab" },
    inputs: PINNED,
    canonicalRequest:
      "POST\n/\nClientToken=&Description=a%20b%2Bc%2Fd%25e%3Df%26g~h%20%C3%BC%E4%B8%AD%F0%9F%98%80" +
      "&FileSystemId=bmcpfs-370lx1ev9ss27o0%2A%2A%2A%2A&Filters.1.Key=Status\n" +
      "host:nas.cn-hangzhou.aliyuncs.com\nx-acs-accesskey-id:LTAI5tTESTACCESSKEYID0000\nx-acs-action:DescribeDataFlows\n" +
      `x-acs-content-sha256:${EMPTY_SHA256}\nx-acs-date:2024-06-24T08:00:00Z\n` +
      "x-acs-security-token:TestSecurityToken-DoNotLeak-77ab\nx-acs-signature-nonce:3b9f6a1e-pinned-nonce-0001\nx-acs-version:2017-06-26\n\n" +
      `host;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version\n${EMPTY_SHA256}`,
    authorization:
      "ACS3-HMAC-SHA256 Credential=LTAI5tTESTACCESSKEYID0000,SignedHeaders=host;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version," +
      "Signature=6caad1bffdee834084437aa2033df2809e936bdeb67476aedf442f86de7c00b8",
  },
  {
    name: "form body: content-type signed, body hashed",
    request: {
      method: "POST",
      host: "nas.cn-hangzhou.aliyuncs.com",
      pathname: "/",
      query: [["RegionId", "cn-hangzhou"]],
      headers: { "x-acs-action": "SendFormBody", "x-acs-version": "2024-01-01", "content-type": "application/x-www-form-urlencoded" },
      body: "Content=a%20b*",
    },
    credentials: TEST_KEY,
    inputs: PINNED,
    canonicalRequest:
      "POST\n/\nRegionId=cn-hangzhou\ncontent-type:application/x-www-form-urlencoded\nhost:nas.cn-hangzhou.aliyuncs.com\nx-acs-action:SendFormBody\n" +
      "x-acs-content-sha256:b80e2313466b2ef1ec94ba53cef0c834321f7dc54116e77196fd7973ec1f7607\nx-acs-date:2024-06-24T08:00:00Z\n" +
      "x-acs-signature-nonce:3b9f6a1e-pinned-nonce-0001\nx-acs-version:2024-01-01\n\n" +
      "content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version\n" +
      "b80e2313466b2ef1ec94ba53cef0c834321f7dc54116e77196fd7973ec1f7607",
    authorization:
      "ACS3-HMAC-SHA256 Credential=LTAI5tTESTACCESSKEYID0000,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version," +
      "Signature=23b8dce1d1d039cc336630dfa8a57c3fc87d162c1e543552b9c277b615f8cf1e",
  },
];
