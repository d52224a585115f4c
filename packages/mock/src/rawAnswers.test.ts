// Operations whose answer is not JSON: FC's InvokeFunction answers the function's bytes.
import { describe, expect, it } from "vitest";
import { invokeFunction } from "@acs-modular/fc-invoke-function";
import { mockClient } from "./mockClient.js";

describe("answers that are not JSON", () => {
  it("resolves a binary operation with the bytes given, through the runtime's decoding", async () => {
    const mock = mockClient();
    mock.on(invokeFunction, { functionName: "hello" }).resolves(new Uint8Array([1, 2, 3]));
    const out = await invokeFunction(mock.client, { functionName: "hello", body: "ping" });
    expect(out).toBeInstanceOf(Uint8Array);
    expect([...out]).toEqual([1, 2, 3]);
    expect(mock.calls(invokeFunction)).toHaveLength(1);
  });
});
