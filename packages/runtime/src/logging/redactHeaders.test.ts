import { expect, it } from "vitest";
import { redactHeaders } from "./redactHeaders.js";

it("prints allow-listed values, the Authorization header without its signature, and masks or redacts the rest", () => {
  const headers = {
    Host: "nas.cn-hangzhou.aliyuncs.com",
    "x-acs-action": "DescribeDataFlows",
    authorization: "ACS3-HMAC-SHA256 Credential=LTAI5tEXAMPLEKEYID,SignedHeaders=host;x-acs-action;x-acs-date,Signature=0123abcd",
    "x-acs-accesskey-id": "LTAI5tEXAMPLEKEYID",
    "x-acs-security-token": "CAIS-secret-token",
    "x-acs-content-sha256": "e3b0",
    cookie: "session=1",
    "x-custom-param": "hunter2",
  };
  expect(redactHeaders(headers)).toEqual({
    authorization: "ACS3-HMAC-SHA256 Credential=****EYID,SignedHeaders=host;x-acs-action;x-acs-date,Signature=<redacted>",
    cookie: "<redacted>",
    host: "nas.cn-hangzhou.aliyuncs.com",
    "x-acs-accesskey-id": "****EYID",
    "x-acs-action": "DescribeDataFlows",
    "x-acs-content-sha256": "<redacted>",
    "x-acs-security-token": "<redacted>",
    "x-custom-param": "<redacted>",
  });
});

it("redacts an Authorization header of any other shape whole", () => {
  expect(redactHeaders({ authorization: "Bearer abc.def" })).toEqual({ authorization: "<redacted>" });
  expect(redactHeaders({ authorization: "ACS3-HMAC-SHA256 Credential=ID,Signature=x" })).toEqual({ authorization: "<redacted>" });
});
