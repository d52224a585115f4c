import { describe, expect, it } from "vitest";
import { measureCommand, parseTimeLine } from "./exec.js";
import { parseCallgrindTotal, parseStraceSummary, perCallDifference } from "./perCall/counters.js";
import { parseStat, treeRss } from "./procTree.js";
import { objectIds } from "./scale/repoSize.js";

describe("parseTimeLine (GNU time -f '%e %U %S %M')", () => {
  it("reads seconds and KiB, after a non-zero exit notice", () => {
    expect(parseTimeLine("Command exited with non-zero status 1\n12.50 10.25 1.50 204800\n")).toEqual({ wallMs: 12_500, userMs: 10_250, sysMs: 1500, maxRssBytes: 204_800 * 1024 });
  });
  it("gives nothing for anything else", () => {
    expect(parseTimeLine("Command terminated by signal 9\n")).toBeUndefined();
  });
});

describe("parseStat / treeRss", () => {
  it("reads ppid and rss past a command name with spaces and parentheses", () => {
    const fields = ["S", "41", ...Array.from({ length: 19 }, () => "0"), "2500", "0"];
    expect(parseStat(`1234 (node (worker) x) ${fields.join(" ")}`)).toEqual({ ppid: 41, rssBytes: 2500 * 4096 });
    expect(parseStat("garbage")).toBeUndefined();
  });
  it("sums a process and all its descendants, not its siblings", () => {
    const p = new Map([
      [1, { ppid: 0, rssBytes: 1000 }],
      [10, { ppid: 1, rssBytes: 100 }],
      [11, { ppid: 10, rssBytes: 10 }],
      [12, { ppid: 10, rssBytes: 20 }],
      [20, { ppid: 1, rssBytes: 5000 }],
    ]);
    expect(treeRss(p, 10)).toEqual({ bytes: 130, count: 3 });
    expect(treeRss(p, 99)).toEqual({ bytes: 0, count: 0 });
  });
});

describe("measureCommand", () => {
  it("measures a child, its exit code and its output", async () => {
    const m = await measureCommand(process.execPath, ["-e", "console.log('hello'); process.exit(3)"], { cwd: process.cwd() });
    expect(m.exitCode).toBe(3);
    expect(m.output).toContain("hello");
    expect(m.wallMs).toBeGreaterThan(0);
  });
});

describe("strace and callgrind output", () => {
  const STRACE = `% time     seconds  usecs/call     calls    errors syscall
------ ----------- ----------- --------- --------- ----------------
 72.93    0.125354        2238        56         1 futex
 18.82    0.032347        8086         4           epoll_pwait
  0.57    0.000980          12        79           read
------ ----------- ----------- --------- --------- ----------------
100.00    0.171892         251       139         1 total
`;
  it("reads calls per syscall and leaves out the total", () => {
    expect(parseStraceSummary(STRACE)).toEqual({ futex: 56, epoll_pwait: 4, read: 79 });
  });
  it("reads callgrind's instruction total", () => {
    expect(parseCallgrindTotal("version: 1\nevents: Ir\nsummary: 641764326\ntotals: 641764326\n")).toBe(641_764_326);
    expect(parseCallgrindTotal("events: Ir\n")).toBeUndefined();
  });
  it("takes per-call differences, dropping what does not change", () => {
    expect(perCallDifference({ read: 100, futex: 50, mmap: 9 }, { read: 1100, futex: 2050, write: 1000, mmap: 9 }, 1000)).toEqual({ futex: 2, read: 1, write: 1 });
  });
});

describe("objectIds", () => {
  it("reads ls-tree and rev-list --objects listings, once each", () => {
    const a = "a".repeat(40);
    const b = "b".repeat(40);
    expect(objectIds(`040000 tree ${a}\tspecs\n100644 blob ${b}\tspecs/x.yaml\n`)).toEqual([a, b]);
    expect(objectIds(`${a}\n${b} specs/x.yaml\n${b} specs/y.yaml\n`)).toEqual([a, b]);
  });
});
