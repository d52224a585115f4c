// Peak memory of a whole process tree (a turbo run is turbo + pnpm + one node per task, several at once):
// /proc is sampled at an interval and the resident set sizes of the root and all its descendants are
// summed. Linux only; elsewhere every sample is 0.
import { readdirSync, readFileSync } from "node:fs";

const PAGE_BYTES = 4096;

/** ppid and resident bytes of one process, from `/proc/<pid>/stat` (the command name may hold spaces and parentheses). */
export function parseStat(text: string): { ppid: number; rssBytes: number } | undefined {
  const close = text.lastIndexOf(")");
  if (close < 0) return undefined;
  const fields = text.slice(close + 2).split(" ");
  // After the name: state(0) ppid(1) … rss(21), in pages.
  const ppid = Number(fields[1]);
  const rss = Number(fields[21]);
  if (!Number.isFinite(ppid) || !Number.isFinite(rss)) return undefined;
  return { ppid, rssBytes: rss * PAGE_BYTES };
}

/** Sum of the resident bytes of `root` and every descendant, given each process's ppid and rss. */
export function treeRss(processes: ReadonlyMap<number, { ppid: number; rssBytes: number }>, root: number): { bytes: number; count: number } {
  const children = new Map<number, number[]>();
  for (const [pid, p] of processes) {
    const list = children.get(p.ppid);
    if (list) list.push(pid);
    else children.set(p.ppid, [pid]);
  }
  let bytes = 0;
  let count = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    const p = processes.get(pid);
    if (!p) continue;
    bytes += p.rssBytes;
    count++;
    stack.push(...(children.get(pid) ?? []));
  }
  return { bytes, count };
}

function snapshot(): Map<number, { ppid: number; rssBytes: number }> {
  const out = new Map<number, { ppid: number; rssBytes: number }>();
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return out;
  }
  for (const name of entries) {
    if (name.charCodeAt(0) < 48 || name.charCodeAt(0) > 57) continue;
    try {
      const parsed = parseStat(readFileSync(`/proc/${name}/stat`, "utf8"));
      if (parsed) out.set(Number(name), parsed);
    } catch {
      // The process ended between readdir and read.
    }
  }
  return out;
}

/**
 * Sends `signal` to every descendant of `root` (deepest first), and to `root` itself unless `spareRoot`
 * (GNU time as the root still reports what its command used).
 */
export function killTree(root: number, signal: NodeJS.Signals = "SIGKILL", spareRoot = false): void {
  const processes = snapshot();
  const children = new Map<number, number[]>();
  for (const [pid, p] of processes) children.set(p.ppid, [...(children.get(p.ppid) ?? []), pid]);
  const order: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    order.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  for (const pid of order.reverse()) {
    if (spareRoot && pid === root) continue;
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}

/** Samples the tree under `root` every `intervalMs` until stopped; `stop()` returns the peak sum and the most processes seen at once. */
export function sampleTree(root: number, intervalMs = 200): { stop(): { peakBytes: number; peakProcesses: number } } {
  let peakBytes = 0;
  let peakProcesses = 0;
  const take = (): void => {
    const { bytes, count } = treeRss(snapshot(), root);
    peakBytes = Math.max(peakBytes, bytes);
    peakProcesses = Math.max(peakProcesses, count);
  };
  const timer = setInterval(take, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return { peakBytes, peakProcesses };
    },
  };
}
