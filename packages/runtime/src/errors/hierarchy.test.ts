import { describe, expect, it } from "vitest";
import { AbortError } from "./AbortError.js";
import { AcsError } from "./AcsError.js";
import { CredentialsError } from "./CredentialsError.js";
import { MalformedResponseError } from "./MalformedResponseError.js";
import { NetworkError } from "./NetworkError.js";
import { ServiceError, isThrottlingCode } from "./ServiceError.js";
import { TimeoutError } from "./TimeoutError.js";
import { ValidationError } from "./ValidationError.js";

const ALL = {
  ServiceError: new ServiceError({ action: "A", code: "InvalidParameter", message: "bad", httpStatus: 400, requestId: "rid" }),
  ValidationError: new ValidationError("A", "Field", "is required"),
  NetworkError: new NetworkError("Request failed: ECONNRESET", "ECONNRESET"),
  TimeoutError: new TimeoutError("read", 10),
  AbortError: new AbortError("why"),
  MalformedResponseError: new MalformedResponseError("html", 502, "rid"),
  CredentialsError: new CredentialsError("no credentials", ["env: not set"]),
};
const CLASSES = { ServiceError, ValidationError, NetworkError, TimeoutError, AbortError, MalformedResponseError, CredentialsError } as const;

describe("error hierarchy", () => {
  it.each(Object.entries(ALL))("%s is an Error and an AcsError, only of its own class, named after it", (name, error) => {
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(AcsError);
    expect(error.name).toBe(name);
    expect(String(error)).toMatch(new RegExp(`^${name}: `));
    for (const [other, cls] of Object.entries(CLASSES)) expect(error instanceof cls).toBe(other === name);
  });

  it("gives every error a code", () => {
    expect(Object.fromEntries(Object.entries(ALL).map(([k, e]) => [k, e.code]))).toEqual({
      ServiceError: "InvalidParameter",
      ValidationError: "ValidationError",
      NetworkError: "NetworkError",
      TimeoutError: "TimeoutError",
      AbortError: "AbortError",
      MalformedResponseError: "MalformedResponse",
      CredentialsError: "CredentialsError",
    });
  });

  it("does not count look-alikes as AcsErrors", () => {
    expect(new Error("x")).not.toBeInstanceOf(AcsError);
    expect({ name: "ServiceError", code: "X" }).not.toBeInstanceOf(ServiceError);
    expect((null as unknown) instanceof AcsError).toBe(false);
  });

  it("matches a user subclass through its parents", () => {
    class MyError extends ServiceError {}
    const e = new MyError({ action: "A", code: "C", message: "m", httpStatus: 400 });
    expect(e).toBeInstanceOf(MyError);
    expect(e).toBeInstanceOf(ServiceError);
    expect(ALL.ServiceError).not.toBeInstanceOf(MyError);
  });
});

describe("ServiceError", () => {
  it("keeps every field of the error body and puts code and request id in the message", () => {
    const e = new ServiceError({
      action: "CreateThing",
      code: "Forbidden.RAM",
      message: "not allowed",
      httpStatus: 403,
      requestId: "rid-1",
      hostId: "demo.aliyuncs.com",
      recommend: "https://x",
      accessDeniedDetail: { AuthAction: "demo:CreateThing" },
      body: { Code: "Forbidden.RAM" },
    });
    expect(e).toMatchObject({ action: "CreateThing", code: "Forbidden.RAM", serviceMessage: "not allowed", httpStatus: 403, requestId: "rid-1", hostId: "demo.aliyuncs.com", recommend: "https://x", accessDeniedDetail: { AuthAction: "demo:CreateThing" }, body: { Code: "Forbidden.RAM" }, retryable: false });
    expect(e.message).toBe("Forbidden.RAM: not allowed (RequestId: rid-1)");
  });

  it.each<[string, number, boolean]>([
    ["Throttling.User", 400, true],
    ["ServiceUnavailable", 503, true],
    ["InternalError", 500, true],
    ["Anything", 429, true],
    ["InvalidParameter", 400, false],
    ["Forbidden.RAM", 403, false],
  ])("%s with HTTP %d is retryable: %s", (code, httpStatus, retryable) => {
    expect(new ServiceError({ action: "A", code, message: "", httpStatus }).retryable).toBe(retryable);
  });

  it("recognises throttling codes, including new Throttling.* variants", () => {
    expect(["Throttling", "Throttling.User", "Throttling.Api", "Throttling.NewKind", "ServiceUnavailable", "TooManyRequests"].every(isThrottlingCode)).toBe(true);
    expect(["InternalError", "InvalidParameter", "throttling"].some(isThrottlingCode)).toBe(false);
  });
});

describe("client-side errors", () => {
  it("ValidationError names field and reason", () => {
    expect(ALL.ValidationError).toMatchObject({ field: "Field", reason: "is required", message: "A: Field is required", retryable: false });
  });

  it("NetworkError knows when the request was certainly never sent", () => {
    expect(new NetworkError("x", "ECONNREFUSED").neverSent).toBe(true);
    expect(new NetworkError("x", "ENOTFOUND").neverSent).toBe(true);
    expect(new NetworkError("x", "ECONNRESET").neverSent).toBe(false);
    expect(new NetworkError("x", undefined).neverSent).toBe(false);
  });

  it("TimeoutError names its phase; only the call deadline is final", () => {
    expect(new TimeoutError("connect", 5).message).toBe("connect timeout after 5 ms");
    expect(new TimeoutError("total", 5)).toMatchObject({ message: "call deadline of 5 ms exceeded", retryable: false });
    expect(new TimeoutError("read", 5).retryable).toBe(true);
    expect(new TimeoutError("attempt", 5)).toMatchObject({ message: "attempt took longer than 5 ms", retryable: true });
  });

  it("MalformedResponseError keeps status and request id", () => {
    expect(ALL.MalformedResponseError).toMatchObject({ reason: "html", httpStatus: 502, requestId: "rid", retryable: true });
    expect(ALL.MalformedResponseError.message).toBe("Malformed response (html, HTTP 502, RequestId: rid)");
    expect(new MalformedResponseError("not-json", 200, undefined).retryable).toBe(false);
  });

  it("AbortError keeps the abort reason as its cause and is not retryable", () => {
    expect(ALL.AbortError).toMatchObject({ cause: "why", retryable: false });
  });
});
