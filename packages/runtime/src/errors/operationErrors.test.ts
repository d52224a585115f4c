import { describe, expect, expectTypeOf, it } from "vitest";
import { isDocumentedError, isOperationError, type DocumentedError } from "./operationErrors.js";
import { ServiceError } from "./ServiceError.js";

const errors = { "InvalidTaskId.NotFound": [404], IllegalCharacters: [400, 403] } as const;
const op = { product: "NAS", action: "CancelDataFlowSubTask", errors };
const answer = (code: string, httpStatus: number, action = "CancelDataFlowSubTask", product: string | undefined = "NAS") =>
  new ServiceError({ action, product, code, httpStatus, message: "m" });

describe("isOperationError", () => {
  it("recognises this operation's service errors only", () => {
    expect(isOperationError(op, answer("Any.Code", 500))).toBe(true);
    expect(isOperationError(op, answer("Any.Code", 500, "Other"))).toBe(false);
    expect(isOperationError(op, new Error("x"))).toBe(false);
  });

  it("tells apart two products that share an action name", () => {
    expect(isOperationError(op, answer("X", 400, "CancelDataFlowSubTask", "ECS"))).toBe(false);
    expect(isOperationError(op, answer("X", 400, "CancelDataFlowSubTask", undefined))).toBe(true);
  });
});

describe("isDocumentedError", () => {
  it("narrows only when the code is documented and answered with a documented status", () => {
    expect(isDocumentedError(op, answer("InvalidTaskId.NotFound", 404))).toBe(true);
    expect(isDocumentedError(op, answer("IllegalCharacters", 403))).toBe(true);
    expect(isDocumentedError(op, answer("InvalidTaskId.NotFound", 400))).toBe(false);
    expect(isDocumentedError(op, answer("Undocumented", 404))).toBe(false);
    expect(isDocumentedError(op, answer("toString", 404))).toBe(false);
    expect(isDocumentedError({ product: "NAS", action: "CancelDataFlowSubTask" }, answer("InvalidTaskId.NotFound", 404))).toBe(false);
  });

  it("types httpStatus per code", () => {
    type E = DocumentedError<typeof errors>;
    const e = answer("InvalidTaskId.NotFound", 404) as unknown as E;
    if (e.code === "InvalidTaskId.NotFound") expectTypeOf(e.httpStatus).toEqualTypeOf<404>();
    if (e.code === "IllegalCharacters") expectTypeOf(e.httpStatus).toEqualTypeOf<400 | 403>();
  });
});
