import { describe, expect, it } from "vitest";
import { moduleOf, shortUrl, summarizeProfile, type CpuProfile } from "./summarize.js";

const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({ id, callFrame: { functionName, url, lineNumber: 9 }, children });

// root → invoke (ours) → sign (ours) → createHmac (node:internal/crypto); invoke → (garbage collector)
const PROFILE: CpuProfile = {
  nodes: [
    frame(1, "(root)", "", [2, 5]),
    frame(2, "invokeOperation", "file:///repo/packages/runtime/dist/esm/invokeOperation.js", [3]),
    frame(3, "signRequestV3", "file:///repo/packages/runtime/dist/esm/sign/signRequestV3.js", [4]),
    frame(4, "createHmac", "node:internal/crypto/hash"),
    frame(5, "(garbage collector)", ""),
  ],
  samples: [4, 4, 3, 2, 5],
  timeDeltas: [1000, 1000, 1000, 1000, 1000],
};

describe("summarizeProfile", () => {
  const summary = summarizeProfile(PROFILE);

  it("adds up the sampled time", () => {
    expect(summary.totalMs).toBe(5);
  });

  it("puts self time on the frame that was on the CPU", () => {
    expect(summary.self[0]).toEqual({ frame: "createHmac (node:internal/crypto/hash:10)", ms: 2, share: 0.4 });
  });

  it("gives a caller the time of everything it called", () => {
    const invoke = summary.inclusive.find((f) => f.frame.startsWith("invokeOperation"));
    const sign = summary.inclusive.find((f) => f.frame.startsWith("signRequestV3"));
    expect(invoke?.ms).toBe(4);
    expect(sign?.ms).toBe(3);
  });

  it("groups self time by module", () => {
    const byModule = Object.fromEntries(summary.modules.map((m) => [m.frame, m.ms]));
    expect(byModule).toEqual({ "node:internal/crypto": 2, "runtime": 2, "(garbage collector)": 1 });
  });
});

describe("shortUrl / moduleOf", () => {
  it("names packages installed under node_modules by their package name", () => {
    const url = "file:///x/node_modules/.pnpm/@alicloud+openapi-core@1.0.8/node_modules/@alicloud/openapi-core/dist/utils.js";
    expect(shortUrl(url)).toBe("@alicloud/openapi-core/dist/utils.js");
    expect(moduleOf(url, "getAuthorization")).toBe("@alicloud/openapi-core");
    expect(moduleOf("file:///x/node_modules/.pnpm/moment@2.31.0/node_modules/moment/moment.js", "f")).toBe("moment");
  });
  it("keeps node built-ins by area and V8 pseudo-frames by name", () => {
    expect(moduleOf("node:_http_client", "f")).toBe("node:_http_client");
    expect(moduleOf("", "(program)")).toBe("(program)");
  });
});
