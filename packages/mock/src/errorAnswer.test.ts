import { describe, expect, it } from "vitest";
import { errorAnswer, isErrorAnswer } from "./errorAnswer.js";

describe("errorAnswer", () => {
  it("keeps the code and options, frozen, and is recognised by isErrorAnswer", () => {
    const answer = errorAnswer("InvalidFileSystem.NotFound", { httpStatus: 404, message: "gone" });
    expect(answer).toMatchObject({ code: "InvalidFileSystem.NotFound", options: { httpStatus: 404, message: "gone" } });
    expect(Object.isFrozen(answer) && Object.isFrozen(answer.options)).toBe(true);
    expect(isErrorAnswer(answer)).toBe(true);
  });

  it("is not confused with look-alike objects", () => {
    expect(isErrorAnswer({ code: "X", options: {} })).toBe(false);
    expect(isErrorAnswer(null)).toBe(false);
    expect(isErrorAnswer("X")).toBe(false);
  });

  it("refuses an empty code and a status that is not an error status", () => {
    expect(() => errorAnswer("")).toThrow(TypeError);
    expect(() => errorAnswer("X", { httpStatus: 200 })).toThrow(/400 to 599, got 200/);
    expect(() => errorAnswer("X", { httpStatus: 404.5 })).toThrow(RangeError);
    expect(() => errorAnswer("X", { httpStatus: 600 })).toThrow(RangeError);
  });
});
