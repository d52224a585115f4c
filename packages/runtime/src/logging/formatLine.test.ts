import { expect, it } from "vitest";
import { formatLine } from "./formatLine.js";

it("prints level, what and the defined fields in order, quoting values that are not one word", () => {
  expect(formatLine("info", "attempt", { action: "DescribeThings", attempt: 2, requestId: undefined, ok: true, reason: 'HTTP 500 "x"' })).toBe(
    'acs-modular info attempt action=DescribeThings attempt=2 ok=true reason="HTTP 500 \\"x\\""',
  );
});
