// Reduces a V8 .cpuprofile (node --cpu-prof) to the frames that cost the time: self time (where the CPU
// was) and inclusive time (what the CPU was doing on behalf of), by function and by module.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** The parts of a .cpuprofile this module reads. */
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface FrameCost {
  /** `functionName (file:line)`, the file shortened to what follows the last `node_modules/` or `/src|dist/`. */
  readonly frame: string;
  readonly ms: number;
  readonly share: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  readonly self: readonly FrameCost[];
  readonly inclusive: readonly FrameCost[];
  /** Self time grouped by package / module (node internals, our runtime, the official SDK, …). */
  readonly modules: readonly FrameCost[];
}

/** A readable location: `node:internal/...`, `@alicloud/x/dist/y.js`, `runtime/dist/esm/sign/z.js`. */
export function shortUrl(url: string): string {
  if (url === "") return "";
  const clean = url.replace(/^file:\/\//, "");
  const nm = clean.lastIndexOf("node_modules/");
  if (nm >= 0) return clean.slice(nm + "node_modules/".length);
  const m = /\/([^/]+\/(?:src|dist)\/.*)$/.exec(clean);
  return m ? m[1]! : clean;
}

/** The module a frame belongs to: a package name, `node:<builtin area>`, or a V8 pseudo-frame. */
export function moduleOf(url: string, functionName: string): string {
  if (url === "") return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return url.split("/").slice(0, 2).join("/");
  const short = shortUrl(url);
  const parts = short.split("/");
  return parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const name = functionName || "(anonymous)";
  return url ? `${name} (${shortUrl(url)}:${lineNumber + 1})` : name;
}

function top(costs: Map<string, number>, total: number, n: number): FrameCost[] {
  return [...costs.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([frame, us]) => ({ frame, ms: us / 1000, share: total > 0 ? us / total : 0 }));
}

/** Self and inclusive time per frame and self time per module, the `n` largest of each. */
export function summarizeProfile(profile: CpuProfile, n = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const modules = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const node = byId.get(id);
    if (!node) return;
    total += us;
    const own = label(node);
    self.set(own, (self.get(own) ?? 0) + us);
    const mod = moduleOf(node.callFrame.url, node.callFrame.functionName);
    modules.set(mod, (modules.get(mod) ?? 0) + us);
    // Each frame counts once per sample even when it recurses.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const frame = byId.get(cur)!;
      if (frame.callFrame.functionName === "(root)") continue;
      const key = label(frame);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  });
  return { totalMs: total / 1000, self: top(self, total, n), inclusive: top(inclusive, total, n), modules: top(modules, total, n) };
}
