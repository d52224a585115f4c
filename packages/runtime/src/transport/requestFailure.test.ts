import { describe, expect, it } from "vitest";
import { MalformedResponseError } from "../errors/MalformedResponseError.js";
import { NetworkError } from "../errors/NetworkError.js";
import { requestFailure } from "./requestFailure.js";

const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(code), { code });
const HEAD = { statusCode: 503, headers: { "x-acs-request-id": "rid-1" } };

describe("requestFailure", () => {
  it("is a NetworkError while no response head has arrived", () => {
    const e = requestFailure(errno("ECONNRESET"), undefined);
    expect(e).toBeInstanceOf(NetworkError);
    expect(e).toMatchObject({ syscallCode: "ECONNRESET", neverSent: false });
    expect(requestFailure(errno("ECONNREFUSED"), undefined)).toMatchObject({ neverSent: true });
  });

  it("is truncated, keeping status and request id, for a reset after the head (whichever event Node fires first)", () => {
    const e = requestFailure(errno("ECONNRESET"), HEAD);
    expect(e).toBeInstanceOf(MalformedResponseError);
    expect(e).toMatchObject({ reason: "truncated", httpStatus: 503, requestId: "rid-1", retryable: true });
    expect((e as Error).message).toContain("ECONNRESET");
  });

  it("is bad-framing for an HTTP parse error, with or without a head", () => {
    expect(requestFailure(errno("HPE_INVALID_CHUNK_SIZE"), { statusCode: 200, headers: { "x-acs-request-id": "rid-2" } })).toMatchObject({ reason: "bad-framing", httpStatus: 200, requestId: "rid-2", retryable: false });
    expect(requestFailure(errno("HPE_INVALID_CONSTANT"), undefined)).toMatchObject({ reason: "bad-framing", httpStatus: 0, requestId: undefined });
  });

  it("ignores a request id that is not a single string", () => {
    expect(requestFailure(errno("ECONNRESET"), { statusCode: 200, headers: { "x-acs-request-id": ["a", "b"] as unknown as string } })).toMatchObject({ requestId: undefined });
  });
});
