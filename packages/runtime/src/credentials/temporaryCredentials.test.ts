import { describe, expect, it } from "vitest";
import { expectSuccessCode, parseJsonObject, temporaryCredentialsFrom } from "./temporaryCredentials.js";

const full = { AccessKeyId: "A", AccessKeySecret: "S", SecurityToken: "T", Expiration: "2030-01-01T00:00:00Z" };

describe("temporary credentials parsing", () => {
  it("reads the four fields every credential service returns", () => {
    expect(temporaryCredentialsFrom(full, "src", "w")).toEqual({ accessKeyId: "A", accessKeySecret: "S", securityToken: "T", expiration: new Date(full.Expiration) });
  });

  it("names missing fields and a bad date, never values", () => {
    expect(() => temporaryCredentialsFrom({ AccessKeyId: "A" }, "src", "w")).toThrow("src: w: response has no AccessKeySecret, SecurityToken, Expiration");
    expect(() => temporaryCredentialsFrom({ ...full, Expiration: "soon" }, "src", "w")).toThrow("src: w: Expiration is not a valid date");
  });

  it("parses only JSON objects, without quoting the body", () => {
    expect(() => parseJsonObject('{"AccessKeySecret":"S', "src", "w")).toThrow(/^src: w: response is not valid JSON$/);
    expect(() => parseJsonObject("[1]", "src", "w", "output")).toThrow("src: w: output is not a JSON object");
  });

  it("checks Code, quoting it only when it looks like a code", () => {
    expect(() => expectSuccessCode({ Code: "Success" }, "src", "w")).not.toThrow();
    expect(() => expectSuccessCode({}, "src", "w", true)).not.toThrow();
    expect(() => expectSuccessCode({}, "src", "w")).toThrow('Code is missing or unrecognised, expected "Success"');
    expect(() => expectSuccessCode({ Code: "Failed" }, "src", "w", true)).toThrow('Code is "Failed"');
    expect(() => expectSuccessCode({ Code: "a secret with spaces" }, "src", "w")).toThrow("Code is missing or unrecognised");
  });
});
