import { readFile } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CredentialsError } from "../errors/CredentialsError.js";
import { EXTERNAL_STS_ASSUMED_LIFETIME_MS, fromExternalProcess, type FromExternalProcessOptions } from "./fromExternalProcess.js";
import { helperCommand } from "./test-helpers/externalCommand.js";
import { manualClock } from "./test-helpers/manualClock.js";
import { makeTempHome, type TempHome } from "./test-helpers/tempDir.js";

// Each test spawns Node: generous time on busy machines.
describe("fromExternalProcess", { timeout: 60_000 }, () => {
  let home: TempHome;
  let runLog: string;
  const clock = manualClock();
  beforeEach(async () => {
    home = await makeTempHome();
    runLog = `${home.path}/runs`;
  });
  afterEach(() => home.remove());

  const provider = (args: string, overrides: Partial<FromExternalProcessOptions> = {}) =>
    fromExternalProcess({ command: helperCommand(args), env: { ...process.env, RUN_LOG: runLog }, now: clock.now, ...overrides });
  const runs = async () => (await readFile(runLog, "utf8").catch(() => "")).split("\n").filter(Boolean).length;
  const failure = async (args: string, overrides: Partial<FromExternalProcessOptions> = {}) => {
    const error = await provider(args, overrides).getCredentials().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    return error as CredentialsError;
  };

  it("reads AK output, and keeps it for good (no expiration): the command runs once", async () => {
    const p = provider("AK AK_EXT");
    await expect(p.getCredentials()).resolves.toEqual({ accessKeyId: "AK_EXT", accessKeySecret: "ext-secret" });
    clock.advance(10 * 3_600_000);
    await p.getCredentials();
    expect(await runs()).toBe(1);
  });

  it("reads StsToken output with its expiration, and runs again only when a refresh is due", async () => {
    const expiration = new Date(clock.now() + 3_600_000).toISOString();
    const p = provider(`StsToken STS.EXT ${expiration}`);
    await expect(p.getCredentials()).resolves.toEqual({ accessKeyId: "STS.EXT", accessKeySecret: "ext-secret", securityToken: "ext-token", expiration: new Date(expiration) });
    await Promise.all(Array.from({ length: 20 }, () => p.getCredentials()));
    expect(await runs()).toBe(1);
  });

  it("trusts StsToken output without expiration for the shortest STS session", async () => {
    const c = await provider("StsToken STS.EXT").getCredentials();
    expect(c.expiration).toEqual(new Date(clock.now() + EXTERNAL_STS_ASSUMED_LIFETIME_MS));
  });

  it("gives the exit code, never the command line or its output", async () => {
    const error = await failure("fail --token=arg-SeCrEt");
    expect(error.message).toBe("external process: process_command exited with code 3");
  });

  it("is broken on output that is not JSON, or lacks a key", async () => {
    expect((await failure("garbage")).message).toBe("external process: process_command: output is not valid JSON");
    expect((await failure("StsToken")).message).toMatch(/output has no access_key_id$/);
  });

  it("is broken when the program does not exist or does not finish in time", async () => {
    const missing = await fromExternalProcess({ command: `${home.path}/no-such-helper --x` }).getCredentials().catch((e: unknown) => e);
    expect((missing as Error).message).toBe("external process: process_command not found");
    expect((await failure("hang", { timeoutMs: 300 })).message).toMatch(/did not finish within 300 ms$/);
  });

  it("is broken on an unsplittable command", async () => {
    const error = await fromExternalProcess({ command: `helper "unclosed` }).getCredentials().catch((e: unknown) => e);
    expect((error as Error).message).toBe("external process: process_command has an unclosed quote");
  });
});
