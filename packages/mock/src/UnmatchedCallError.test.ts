import { describe, expect, it } from "vitest";
import { UnmatchedCallError } from "./UnmatchedCallError.js";

const CALL = { product: "NAS", apiVersion: "2017-06-26", action: "DescribeDataFlows", input: { FileSystemId: "cpfs-a" } };

describe("UnmatchedCallError", () => {
  it("is recognised by instanceof across copies of the mock (a global brand), and nothing else is", () => {
    const error = new UnmatchedCallError(CALL, []);
    // What a second copy of the class (the other module format) would build: same brand, other prototype.
    const fromOtherCopy = Object.setPrototypeOf(new UnmatchedCallError(CALL, []), Error.prototype) as unknown;
    expect(error).toBeInstanceOf(UnmatchedCallError);
    expect(fromOtherCopy instanceof UnmatchedCallError).toBe(true);
    expect(new Error("No mock answers NAS") instanceof UnmatchedCallError).toBe(false);
    expect(error.message).toContain("No mock answers NAS DescribeDataFlows (2017-06-26)");
  });
});
