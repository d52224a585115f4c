import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { formatAcsDate, signRequestV3, type SignableRequest } from "./signRequestV3.js";
import { officialUtil } from "./test-helpers/officialUtil.js";
import { SIGNATURE_VECTORS } from "./test-helpers/signatureVectors.js";

describe("signRequestV3 frozen vectors", () => {
  it.each(SIGNATURE_VECTORS.map((v) => [v.name, v] as const))("%s", (_, vector) => {
    const signed = signRequestV3(vector.request, vector.credentials, vector.inputs);
    expect(signed.canonicalRequest).toBe(vector.canonicalRequest);
    expect(signed.headers.authorization).toBe(vector.authorization);
  });

  it.each(SIGNATURE_VECTORS.map((v) => [v.name, v] as const))("the official @alicloud/openapi-util signer agrees: %s", (_, vector) => {
    // Rebuild the official signer's view of the same request: the headers we would send, a query map.
    const signed = signRequestV3(vector.request, vector.credentials, vector.inputs);
    const { authorization: _auth, ...headers } = signed.headers;
    const query = Object.fromEntries(vector.request.query);
    const official = officialUtil.getAuthorization(
      { pathname: vector.request.pathname, method: vector.request.method, query, headers },
      "ACS3-HMAC-SHA256",
      headers["x-acs-content-sha256"]!,
      vector.credentials.accessKeyId,
      vector.credentials.accessKeySecret,
    );
    expect(official).toBe(vector.authorization);
  });
});

const base: SignableRequest = {
  method: "post",
  host: "nas.cn-hangzhou.aliyuncs.com",
  pathname: "/",
  query: [["A", "1"]],
  headers: { "x-acs-action": "X", "x-acs-version": "2017-06-26", "user-agent": "ua" },
};
const key = { accessKeyId: "AKID", accessKeySecret: "secret" };
const inputs = { date: "2024-06-24T08:00:00Z", nonce: "n-1" };

describe("signRequestV3", () => {
  it("signs with HMAC-SHA256 of the hashed canonical request", () => {
    const signed = signRequestV3(base, key, inputs);
    const stringToSign = `ACS3-HMAC-SHA256\n${createHash("sha256").update(signed.canonicalRequest).digest("hex")}`;
    const signature = createHmac("sha256", "secret").update(stringToSign).digest("hex");
    expect(signed.headers.authorization).toBe(`ACS3-HMAC-SHA256 Credential=AKID,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=${signature}`);
  });

  it("upper-cases the method and adds host, date, nonce and payload hash headers", () => {
    const signed = signRequestV3(base, key, inputs);
    expect(signed.canonicalRequest.startsWith("POST\n/\nA=1\n")).toBe(true);
    expect(signed.headers).toMatchObject({
      host: "nas.cn-hangzhou.aliyuncs.com",
      "x-acs-date": "2024-06-24T08:00:00Z",
      "x-acs-signature-nonce": "n-1",
      "x-acs-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "user-agent": "ua",
    });
  });

  it("hashes a string body and a byte body the same way", () => {
    const text = signRequestV3({ ...base, body: "a=%C3%BC" }, key, inputs);
    const bytes = signRequestV3({ ...base, body: new TextEncoder().encode("a=%C3%BC") }, key, inputs);
    expect(text.headers["x-acs-content-sha256"]).toBe(createHash("sha256").update("a=%C3%BC").digest("hex"));
    expect(bytes.headers.authorization).toBe(text.headers.authorization);
  });

  it("treats an empty body as no body", () => {
    expect(signRequestV3({ ...base, body: "" }, key, inputs).headers.authorization).toBe(signRequestV3(base, key, inputs).headers.authorization);
  });

  it("sends and signs x-acs-accesskey-id and x-acs-security-token only with an STS token", () => {
    const plain = signRequestV3(base, key, inputs);
    expect(plain.headers["x-acs-security-token"]).toBeUndefined();
    expect(plain.headers["x-acs-accesskey-id"]).toBeUndefined();
    const sts = signRequestV3(base, { ...key, securityToken: "tok" }, inputs);
    expect(sts.headers["x-acs-security-token"]).toBe("tok");
    expect(sts.headers["x-acs-accesskey-id"]).toBe("AKID");
    expect(sts.headers.authorization).toContain("SignedHeaders=host;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;");
  });

  it("changes the signature when any signed part changes", () => {
    const reference = signRequestV3(base, key, inputs).headers.authorization;
    const variants = [
      signRequestV3({ ...base, query: [["A", "2"]] }, key, inputs),
      signRequestV3({ ...base, pathname: "/x" }, key, inputs),
      signRequestV3({ ...base, method: "GET" }, key, inputs),
      signRequestV3(base, key, { ...inputs, nonce: "n-2" }),
      signRequestV3(base, key, { ...inputs, date: "2024-06-24T08:00:01Z" }),
      signRequestV3(base, { ...key, accessKeySecret: "other" }, inputs),
    ];
    for (const v of variants) expect(v.headers.authorization).not.toBe(reference);
    // user-agent is not signed.
    expect(signRequestV3({ ...base, headers: { ...base.headers, "user-agent": "other" } }, key, inputs).headers.authorization).toBe(reference);
  });

  it("does not modify the request's headers", () => {
    const headers = { ...base.headers };
    signRequestV3({ ...base, headers }, key, inputs);
    expect(headers).toEqual(base.headers);
  });
});

describe("formatAcsDate", () => {
  it("formats UTC without milliseconds", () => {
    expect(formatAcsDate(new Date("2024-06-24T08:00:00.999Z"))).toBe("2024-06-24T08:00:00Z");
    expect(formatAcsDate(new Date(Date.UTC(2030, 0, 2, 3, 4, 5)))).toBe("2030-01-02T03:04:05Z");
  });

  it("reuses the text within a second and changes it with the second, going back in time too", () => {
    expect(formatAcsDate(new Date("2024-06-24T08:00:00.001Z"))).toBe("2024-06-24T08:00:00Z");
    expect(formatAcsDate(new Date("2024-06-24T08:00:00.998Z"))).toBe("2024-06-24T08:00:00Z");
    expect(formatAcsDate(new Date("2024-06-24T08:00:01.000Z"))).toBe("2024-06-24T08:00:01Z");
    expect(formatAcsDate(new Date("2024-06-24T07:59:59.999Z"))).toBe("2024-06-24T07:59:59Z");
    expect(() => formatAcsDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});
