import { describe, expect, it } from "vitest";
import { describeCredentials, maskAccessKeyId } from "./redact.js";

describe("maskAccessKeyId", () => {
  it("keeps only the last 4 characters behind a fixed-width mask", () => {
    expect(maskAccessKeyId("LTAI5tABCDEFGHIJWXYZ")).toBe("****WXYZ");
    expect(maskAccessKeyId("12345678")).toBe("****5678");
  });

  it("masks short ids entirely", () => {
    expect(maskAccessKeyId("1234567")).toBe("****");
    expect(maskAccessKeyId("")).toBe("****");
  });
});

describe("describeCredentials", () => {
  it("shows the masked id, token presence and expiry, never the secret or token", () => {
    const text = describeCredentials({
      accessKeyId: "STS.NTABCDEFGWXYZ",
      accessKeySecret: "TOP-SECRET-VALUE",
      securityToken: "TOKEN-VALUE",
      expiration: new Date("2030-01-01T00:00:00Z"),
    });
    expect(text).toBe("accessKeyId=****WXYZ securityToken=present expiration=2030-01-01T00:00:00.000Z");
    expect(text).not.toContain("TOP-SECRET-VALUE");
    expect(text).not.toContain("TOKEN-VALUE");
  });

  it("describes long-lived keys", () => {
    expect(describeCredentials({ accessKeyId: "LTAI5tABCDEFWXYZ", accessKeySecret: "s" })).toBe(
      "accessKeyId=****WXYZ securityToken=absent expiration=none",
    );
  });
});
