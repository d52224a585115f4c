import { afterEach, describe, expect, it, vi } from "vitest";
import { createClientLogger } from "./clientLogger.js";
import type { Logger } from "./Logger.js";

function recorder(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (line: string) => lines.push(`${level}: ${line}`);
  return { logger: { error: at("error"), warn: at("warn"), info: at("info"), debug: at("debug") }, lines };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("createClientLogger", () => {
  it("does not log without a logger, a level or ACS_LOG", () => {
    expect(createClientLogger({ env: {} })).toBeUndefined();
    expect(createClientLogger({ env: { ACS_LOG: "verbose" } })).toBeUndefined();
  });

  it("logs at info when only a logger is given, writing each line to its level's method", () => {
    const { logger, lines } = recorder();
    const log = createClientLogger({ logger, env: {} })!;
    expect(log.level).toBe("info");
    for (const level of ["error", "warn", "info", "debug"] as const) log.write(level, level);
    expect(lines).toEqual(["error: error", "warn: warn", "info: info"]);
    expect(log.enabled("debug")).toBe(false);
  });

  it("takes the level from logLevel, else from ACS_LOG", () => {
    const { logger } = recorder();
    expect(createClientLogger({ logger, env: { ACS_LOG: "debug" } })!.level).toBe("debug");
    expect(createClientLogger({ logger, logLevel: "warn", env: { ACS_LOG: "debug" } })!.level).toBe("warn");
  });

  it("reads no level from an environment the runtime refuses to show (Deno without --allow-env)", () => {
    const env = new Proxy({}, { get: () => { throw new Error("NotCapable: Requires env access"); } });
    expect(createClientLogger({ env })).toBeUndefined();
    expect(createClientLogger({ logger: recorder().logger, env })!.level).toBe("info");
  });

  it("writes to standard error when ACS_LOG is set without a logger", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    createClientLogger({ env: { ACS_LOG: "info" } })!.write("info", "a line");
    expect(spy).toHaveBeenCalledWith("a line");
  });

  it("calls the logger's methods on the logger (a class-based logger keeps its this)", () => {
    class Pinoish {
      readonly seen: string[] = [];
      info(line: string): void {
        this.seen.push(line);
      }
    }
    const logger = new Pinoish();
    createClientLogger({ logger, env: {} })!.write("info", "x");
    expect(logger.seen).toEqual(["x"]);
  });

  it("skips levels the logger has no method for, and ignores a logger that throws", () => {
    const log = createClientLogger({
      logger: {
        info: () => {
          throw new Error("disk full");
        },
      },
      logLevel: "debug",
      env: {},
    })!;
    expect(() => log.write("info", "x")).not.toThrow();
    expect(() => log.write("debug", "x")).not.toThrow();
  });

  it("refuses a logLevel that is not a level, without printing an object it was given", () => {
    expect(() => createClientLogger({ logLevel: "verbose", env: {} })).toThrow(new RangeError('logLevel must be one of error, warn, info, debug, got "verbose"'));
    expect(() => createClientLogger({ logLevel: { secret: 1 }, env: {} })).toThrow("got a value of type object");
  });
});
