import type { Variant } from "../coldStart/coldStart.js";
import type { Impl } from "../perCall/shared.js";
import type { CatalogResult, StepName, StepResult } from "../scale/catalog.js";
import { fixed, formatBytes, formatDuration, formatPaired, formatRatio, formatSpread, growthExponent, linearFit, type Spread } from "../stats.js";
import { explainMisses } from "./misses.js";
import { checkTargets } from "./targets.js";
import type { SuiteResults } from "./types.js";

export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const esc = (c: string): string => c.replace(/\|/g, "\\|");
  const line = (cells: readonly string[]): string => `| ${cells.map(esc).join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

const mb = (bytes: number): string => (Number.isFinite(bytes) ? (bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(0)} MB`) : "n/a");
const pct = (x: number): string => `${(x * 100).toFixed(0)}%`;
const sp = (s: Spread | undefined, d: number, unit = ""): string => (s ? formatSpread(s, d, unit) : "n/a");

/** The scale steps in pipeline order, as the report names them. */
export const STEP_LABELS: readonly (readonly [StepName, string])[] = [
  ["generate", "`pnpm generate` (new packages and their changesets; baseline git HEAD)"],
  ["installCatalog", "`pnpm install` after generate (links the new packages, writes the lockfile)"],
  ["check", "`generate --check` (the whole catalog, up to date)"],
  ["generateEmpty", "generate into an empty root (every package written)"],
  ["build", "`turbo run build`, product packages"],
  ["typecheck", "`turbo run typecheck`, product packages"],
  ["test", "`turbo run test`, product contract suites"],
  ["editGenerate", "one spec edited: `pnpm generate`"],
  ["editBuild", "one spec edited: `turbo run build` (cache warm)"],
  ["version", "`changeset version` (initial-release changesets)"],
  ["installFrozen", "`pnpm install --frozen-lockfile`, no node_modules (CI clone)"],
];

function cell(s: StepResult | undefined, what: "time" | "memory"): string {
  if (!s) return "—";
  const fail = s.ok ? "" : " **(failed)**";
  if (what === "time") {
    const cpu = s.userMs + s.sysMs;
    return `${formatDuration(s.wallMs)}${Number.isFinite(cpu) ? ` (${formatDuration(cpu)})` : ""}${fail}`;
  }
  return `${mb(s.maxRssBytes)} / ${mb(s.peakTreeRssBytes)}`;
}

/**
 * Growth exponent of a step's wall time between the first and the last catalog that finished it (1 = linear):
 * a step stopped at its limit has no meaningful time or CPU (its killed processes are not accounted).
 */
export function stepGrowth(catalogs: readonly CatalogResult[], name: StepName, key: "wallMs" | "cpuMs" = "wallMs"): number {
  const ran = catalogs.filter((c) => c.steps[name]?.ok && c.operations > 0);
  if (ran.length < 2) return NaN;
  const first = ran[0]!;
  const last = ran[ran.length - 1]!;
  const v = (c: CatalogResult): number => (key === "wallMs" ? c.steps[name]!.wallMs : c.steps[name]!.userMs + c.steps[name]!.sysMs);
  return growthExponent(first.operations, v(first), last.operations, v(last));
}

function renderScale(r: SuiteResults, out: string[]): void {
  const sc = r.scale!;
  const cats = sc.catalogs;
  out.push("## 5. Scale: the catalog at 1×, 5× and 25× (issue 10)");
  out.push("");
  out.push(
    "Every catalog is measured in its own temporary copy of the repository at git HEAD (without `tests/` and `bench/`, which do not grow with the catalog), made a git repository with HEAD as its only commit. " +
      "Synthetic catalogs add products derived from the committed specs: each synthetic product copies the operations of one committed product (CS, ECS, FC, NAS, VPC in turn; the same API style, parameters, responses and errors), " +
      "renamed (a suffix for the second and later copies of an operation), 200–400 operations per product, so each product build unit has the size of a large real product. " +
      "Each step is one child process run under GNU `time` while its process tree is sampled from `/proc` every 200 ms: time is wall (user + system CPU of the whole tree in brackets); " +
      "memory is the peak resident set of the largest single process and, after the slash, the peak of all the step's processes alive at once. " +
      "Turbo runs with its default concurrency (10 tasks) and `--force` (no task restored from a cache), `--only` (the runtime and generator are built once beforehand), and `--continue`; the contract suites get a 600 s test timeout so that a busy machine cannot fail them.",
  );
  out.push("");
  out.push(table(["catalog", ...cats.map((c) => c.label)], [
    ["operations", ...cats.map((c) => c.operations.toLocaleString("en-US"))],
    ["products (synthetic sizes)", ...cats.map((c) => `${c.products}${c.synthetic.length ? ` (${c.synthetic.length} synthetic, ${Math.min(...c.synthetic.map((p) => p.operations))}–${Math.max(...c.synthetic.map((p) => p.operations))} ops)` : ""}`)],
    ["workspace projects", ...cats.map((c) => c.workspaceProjects?.toLocaleString("en-US") ?? "n/a")],
    ["whole catalog, every step and setup", ...cats.map((c) => formatDuration(c.totalMs) + (c.aborted ? ` **(aborted: ${c.aborted})**` : ""))],
  ]));
  out.push("");
  out.push("### Time: wall (CPU)");
  out.push("");
  const growthCol = cats.length >= 2 ? ["growth, first → last catalog that finished the step (1 = linear)"] : [];
  out.push(table(["step", ...cats.map((c) => c.label), ...growthCol], STEP_LABELS.map(([name, label]) => {
    const g = stepGrowth(cats, name);
    const gc = stepGrowth(cats, name, "cpuMs");
    return [label, ...cats.map((c) => cell(c.steps[name], "time")), ...(growthCol.length ? [Number.isFinite(g) ? `${g.toFixed(2)} (CPU ${fixed(gc, 2)})` : "n/a"] : [])];
  })));
  out.push("");
  out.push("### Peak memory: largest process / all processes at once");
  out.push("");
  out.push(table(["step", ...cats.map((c) => c.label)], STEP_LABELS.map(([name, label]) => [label, ...cats.map((c) => cell(c.steps[name], "memory"))])));
  out.push("");
  const perOp = STEP_LABELS.filter(([n]) => ["generate", "check", "generateEmpty", "build", "typecheck", "test", "version", "installFrozen"].includes(n));
  out.push("### CPU per operation (ms)");
  out.push("");
  out.push(table(["step", ...cats.map((c) => c.label)], perOp.map(([name, label]) => [label, ...cats.map((c) => {
    const s = c.steps[name];
    return s && c.operations > 0 ? ((s.userMs + s.sysMs) / c.operations).toFixed(1) : "—";
  })])));
  out.push("");
  const notes = cats.flatMap((c) => STEP_LABELS.filter(([n]) => c.steps[n]?.note).map(([n, label]) => `- ${c.label}, ${label}: ${c.steps[n]!.note}`));
  if (notes.length) {
    out.push("What the steps did (and why any failed):");
    out.push("");
    out.push(...notes);
    out.push("");
  }
  const fitPts = cats.filter((c) => c.generateEmpty).map((c) => [c.operations, c.generateEmpty!.generateMs] as const);
  if (fitPts.length >= 2) {
    const fit = linearFit(fitPts);
    out.push(
      `Generator alone (the \`generate()\` call of the empty-root run, without loading the generator): ${cats.filter((c) => c.generateEmpty).map((c) => `${c.operations.toLocaleString("en-US")} operations ${formatDuration(c.generateEmpty!.generateMs)} (${c.generateEmpty!.filesWritten.toLocaleString("en-US")} files)`).join(", ")}; ` +
        `least-squares fit ${fit.slope.toFixed(2)} ms per operation + ${formatDuration(fit.intercept)}, R² = ${fit.r2.toFixed(4)}.`,
    );
    out.push("");
  }
  out.push("### Repository size");
  out.push("");
  out.push(
    "What a catalog adds to git: the objects of its specs, generated product folders and changesets in one commit's tree, packed by `git pack-objects` (deltas and zlib, as `git gc` packs them). " +
      "Working tree: apparent bytes of the same paths (no `node_modules`, `dist` or `.turbo`); build output: every `dist/` under them after the build.",
  );
  out.push("");
  const cr = sc.committedRepo;
  out.push(table(["", ...cats.map((c) => c.label)], [
    ["git: catalog packed (one commit)", ...cats.map((c) => (c.repo ? `${formatBytes(c.repo.packBytes)} (${c.repo.objects.toLocaleString("en-US")} objects)` : "n/a"))],
    ["git: packed bytes per operation", ...cats.map((c) => (c.repo && c.operations ? formatBytes(c.repo.packBytes / c.operations) : "n/a"))],
    ["working tree: files", ...cats.map((c) => c.tree?.sourceFiles.toLocaleString("en-US") ?? "n/a")],
    ["working tree: bytes", ...cats.map((c) => (c.tree ? formatBytes(c.tree.sourceBytes) : "n/a"))],
    ["build output (dist): files / bytes", ...cats.map((c) => (c.tree ? `${c.tree.distFiles.toLocaleString("en-US")} / ${formatBytes(c.tree.distBytes)}` : "n/a"))],
  ]));
  out.push("");
  out.push(
    `In this repository (HEAD): the committed specs, packages and changesets pack to ${formatBytes(cr.snapshot.packBytes)} as one snapshot (${cr.snapshot.objects.toLocaleString("en-US")} objects) and to ${formatBytes(cr.history.packBytes)} with their whole history ` +
      `(${cr.history.commits} commits touching them, ${cr.history.objects.toLocaleString("en-US")} objects); the whole \`.git\` holds ${formatBytes(cr.git.packBytes)} in packs and ${formatBytes(cr.git.looseBytes)} of loose objects (${cr.git.objects.toLocaleString("en-US")} objects).`,
  );
  out.push("");
  const edits = cats.filter((c) => c.edit);
  if (edits.length) {
    out.push("### One changed spec, turbo cache warm");
    out.push("");
    out.push("After the build above: the `summary` of one spec edited, then `pnpm generate` and `turbo run build` of the same product packages (no `--force`).");
    out.push("");
    out.push(table(["catalog", "spec edited", "generate", "build", "packages regenerated", "build tasks run (cache miss)", "restored from cache"], edits.map((c) => [
      c.label,
      `\`${c.edit!.spec}\``,
      cell(c.steps.editGenerate, "time"),
      cell(c.steps.editBuild, "time"),
      c.edit!.regenerated.join(", ") || "none",
      c.edit!.rebuilt.join(", ") || "none",
      c.turbo.editBuild ? `${c.turbo.editBuild.cacheHits} of ${c.turbo.editBuild.tasks}` : "n/a",
    ])));
    out.push("");
  }
  const superLinear = STEP_LABELS.map(([n, label]) => [label, stepGrowth(cats, n), stepGrowth(cats, n, "cpuMs")] as const).filter(([, g, gc]) => g > 1.15 || gc > 1.15);
  if (cats.length >= 2) {
    out.push(
      superLinear.length
        ? `Steps whose wall time or CPU grows faster than the catalog (growth exponent above 1.15): ${superLinear.map(([l, g, gc]) => `${l} (${fixed(g, 2)}, CPU ${fixed(gc, 2)})`).join("; ")}.`
        : "No step's wall time or CPU grows faster than the catalog (every growth exponent ≤ 1.15).",
    );
    out.push("");
  }
}

const IMPL_LABEL: Record<Impl, string> = { ours: "ours", theirs: "official", bare: "bare http (floor)", oursNoIo: "ours without I/O", floorThenNoIo: "floor, then ours without I/O" };
const IMPL_ORDER: readonly Impl[] = ["ours", "theirs", "bare", "oursNoIo", "floorThenNoIo"];

function renderPerCall(r: SuiteResults, out: string[]): void {
  const p = r.perCall!;
  out.push("## 3. Per-call cost");
  out.push("");
  out.push(
    `Sequential \`cancelDataFlowSubTask\` calls against one HTTP server on 127.0.0.1 running in a separate process (its CPU is not counted), keep-alive on every side. ${p.rounds} rounds of ${p.calls} calls per implementation after a warm-up, the order rotating each round. ` +
      "CPU is the client process's user + system time (`process.cpuUsage`) divided by calls; figures are the median of the rounds (min–max in brackets), and each ratio is taken round by round (both sides measured in the same round) and printed only when its rounds agree within " +
      `±${pct(p.ratios.oursOverBare.tolerance)} ((max − min) / median). The floor is a bare \`node:http\` request with exactly the path and headers ours sends (captured from our first call), reading and parsing the JSON answer: no validation, serialization or signing. ` +
      "Ours without I/O runs the same calls through a transport that answers at once.",
  );
  out.push("");
  out.push(table(["", ...IMPL_ORDER.map((i) => IMPL_LABEL[i])], [
    ["client CPU per call (µs)", ...IMPL_ORDER.map((i) => sp(p.cpuUs[i], 1))],
    ["of which user mode (µs)", ...IMPL_ORDER.map((i) => sp(p.userUs[i], 1))],
    ["calls per second", ...IMPL_ORDER.map((i) => sp(p.callsPerSecond[i], 0))],
    ["new TCP connections in measured rounds", ...IMPL_ORDER.map((i) => String(p.newConnections[i]))],
  ]));
  out.push("");
  out.push(table(["ratio (round by round)", "CPU", "user mode"], [
    ["ours / floor", formatPaired(p.ratios.oursOverBare), formatPaired(p.ratios.userOursOverBare)],
    ["official / ours", formatPaired(p.ratios.theirsOverOurs), formatPaired(p.ratios.userTheirsOverOurs)],
  ]));
  out.push("");
  const c = p.counts;
  const types = [...new Set(IMPL_ORDER.flatMap((i) => Object.keys(c.asyncResources[i])))].sort();
  const rows: string[][] = [
    ["event-loop turns (libuv loop iterations)", ...IMPL_ORDER.map((i) => c.loopTurns[i].toFixed(2))],
    ...types.map((t) => [`async resources: ${t}`, ...IMPL_ORDER.map((i) => fixed(c.asyncResources[i][t] ?? 0, 2))]),
    ["voluntary context switches", ...IMPL_ORDER.map((i) => c.voluntaryContextSwitches[i].toFixed(2))],
    ["involuntary context switches", ...IMPL_ORDER.map((i) => c.involuntaryContextSwitches[i].toFixed(2))],
  ];
  if (p.syscalls) {
    rows.push(["syscalls (strace, all threads)", ...IMPL_ORDER.map((i) => fixed(p.syscalls![i]?.total, 2))]);
    const names = [...new Set(IMPL_ORDER.flatMap((i) => Object.keys(p.syscalls![i]?.byName ?? {})))].filter((n) => IMPL_ORDER.some((i) => Math.abs(p.syscalls![i]?.byName[n] ?? 0) >= 0.1));
    for (const n of names.sort()) rows.push([`  ${n}`, ...IMPL_ORDER.map((i) => fixed(p.syscalls![i]?.byName[n] ?? 0, 2))]);
  }
  if (p.instructions) rows.push(["instructions, thousands (callgrind, `--single-threaded`)", ...IMPL_ORDER.map((i) => (p.instructions![i] !== undefined ? (p.instructions![i]! / 1000).toFixed(1) : "n/a"))]);
  out.push(`Counts per call (load-independent; ${c.calls} calls after the warm-up, async resources by \`async_hooks\` type; syscalls and instructions by difference of two runs, start-up cancelling out):`);
  out.push("");
  out.push(table(["per call", ...IMPL_ORDER.map((i) => IMPL_LABEL[i])], rows));
  out.push("");
  if (p.instructions?.ours && p.instructions.bare && p.instructions.theirs) {
    out.push(`Instruction ratios (deterministic, user space only): ours / floor ${formatRatio(p.instructions.ours, p.instructions.bare)}, official / ours ${formatRatio(p.instructions.theirs, p.instructions.ours)}. Callgrind files: \`bench/dist/counters/callgrind/\` (\`callgrind_annotate\` names the native frames).`);
    out.push("");
  }
  if (p.profile) {
    out.push("Where the CPU goes (`node --cpu-prof`, self time, largest frames; profiles in `bench/dist/profiles/`):");
    out.push("");
    for (const i of IMPL_ORDER) {
      const prof = p.profile[i];
      if (!prof) continue;
      out.push(`- ${IMPL_LABEL[i]} (${prof.totalMs.toFixed(0)} ms sampled): ${prof.self.slice(0, 8).map((f) => `${pct(f.share)} \`${f.frame}\``).join(", ")}`);
    }
    out.push("");
  }
  for (const s of p.skipped) out.push(`Not collected: ${s}.`);
  if (p.skipped.length) out.push("");
}

const COLD_LABEL: Record<Variant, string> = {
  bareCjs: "bare node, CommonJS",
  bareEsm: "bare node, ES module",
  oursCjs: "ours, `require`",
  oursEsm: "ours, `import`",
  runtimeCjs: "runtime alone, `require`",
  runtimeEsm: "runtime alone, `import`",
  theirsCjs: "official, `require`",
  theirsEsm: "official, `import`",
};

/** Renders a run of the suite as BENCHMARKS.md. */
export function renderReport(r: SuiteResults): string {
  const m = r.machine;
  const c = r.config;
  const out: string[] = [];
  out.push("# Benchmarks: acs-modular against the official Alibaba Cloud SDK, and the catalog at scale");
  out.push("");
  out.push(
    `Written by \`pnpm bench\`${c.quick ? " --quick (CI-sized run)" : ""} on ${m.date} in ${formatDuration(r.durationMs)}. Ours: \`@acs-modular/nas-cancel-data-flow-sub-task@${r.versions.ours}\` + ` +
      `\`@acs-modular/runtime@${r.versions.runtime}\`; theirs: \`@alicloud/nas20170626@${r.versions.official}\` (with \`@alicloud/openapi-core@${r.versions.openapiCore}\`). ` +
      "Every comparison measures both sides in the same run, in alternating rounds, and reports the spread of the rounds; ratios are taken round by round and printed only when the rounds agree. " +
      "Sections 1–4 measure the checkout as built; section 5 measures copies of git HEAD." +
      (r.combinedFrom ? ` Assembled with \`--combine\` from separate full-size runs of its sections: ${r.combinedFrom.join("; ")}.` : ""),
  );
  out.push("");
  const loadRows = Object.entries(r.load).map(([s, l]) => `${s} ${l.start.toFixed(1)} → ${l.end.toFixed(1)}`);
  out.push(table(["machine", ""], [
    ["CPU", `${m.cpuModel}, ${m.cores} cores`],
    ["memory", formatBytes(m.memoryBytes)],
    ["OS", m.os],
    ["Node", m.node],
    ["1-minute load average, start → end of each section", loadRows.join("; ") || "n/a"],
  ]));
  out.push("");
  const targets = checkTargets(r);
  out.push("## Targets");
  out.push("");
  out.push(
    "Issue 14 (per call, signing, cold start), issue 6 (install, dependencies, generator) and issue 10 (one changed spec). Ratios: median of the per-round ratios, min–max in brackets. " +
      "A verdict is `met` or `missed` when the rounds agree within the tolerance, or when every round lies on the same side of the target; otherwise `not established`.",
  );
  out.push("");
  out.push(table(["target", "measured", "verdict"], targets.map((t) => [t.target, t.measured, t.verdict === "met" ? "met" : `**${t.verdict}**`])));
  out.push("");
  const misses = explainMisses(r, targets);
  if (misses.length) {
    out.push("Why (from this run's figures):");
    out.push("");
    for (const x of misses) out.push(`- ${x}`);
    out.push("");
  }

  const f = r.footprint;
  if (f) {
    out.push("## 1. Install footprint");
    out.push("");
    out.push(
      "Ours: `pnpm pack` of the operation package and the runtime, both tarballs installed with `npm install --offline` into an empty folder. " +
        "Theirs: the dependency closure of `@alicloud/nas20170626` as pnpm installed it for this bench package (walked through `node_modules/.pnpm`, deduplicated by real path). Bytes are the apparent size of every file.",
    );
    out.push("");
    out.push(table(["", "ours", "official", "official / ours"], [
      ["packages installed", String(f.ours.packages), String(f.theirs.packages), formatRatio(f.theirs.packages, f.ours.packages)],
      ["bytes on disk", `${f.ours.bytes} (${formatBytes(f.ours.bytes)})`, `${f.theirs.bytes} (${mb(f.theirs.bytes)})`, formatRatio(f.theirs.bytes, f.ours.bytes)],
      ["third-party runtime packages", String(f.ours.thirdParty.length), String(f.theirs.thirdParty.length), ""],
      ["tarballs (download)", f.ours.tarballBytes !== undefined ? formatBytes(f.ours.tarballBytes) : "n/a", "", ""],
    ]));
    out.push("");
    out.push(`Largest packages of the official closure: ${f.theirsLargest.map((p) => `\`${p.name}@${p.version}\` ${mb(p.bytes)}`).join(", ")}.`);
    out.push("");
  }

  const cs = r.coldStart;
  if (cs) {
    out.push("## 2. Cold start");
    out.push("");
    out.push(
      `Fresh \`node\` processes (cwd \`bench/\`, packages resolved like an app's dependencies), each timing one \`require\` or dynamic \`import\` of the package from inside the process (wall and CPU), so that node's own start-up is not in the figure. ` +
        `${cs.rounds} rounds; each round runs every variant ${cs.runsPerRound} times, the order rotating run by run, and takes their median; the table gives the median of the rounds (min–max). ` +
        `The process row is the whole process as the parent saw it; official / ours is also given for process time minus a bare process of the same module kind, as a cross-check.`,
    );
    out.push("");
    const order: Variant[] = ["oursEsm", "oursCjs", "runtimeEsm", "runtimeCjs", "theirsEsm", "theirsCjs", "bareEsm", "bareCjs"];
    out.push(table(["variant", "import, wall (ms)", "import, CPU (ms)", "whole process (ms)"], order.map((v) => [
      COLD_LABEL[v],
      v.startsWith("bare") ? "—" : sp(cs.importMs[v], 2),
      v.startsWith("bare") ? "—" : sp(cs.importCpuMs[v], 2),
      sp(cs.processMs[v], 1),
    ])));
    out.push("");
    out.push(table(["official / ours (round by round)", "`import`", "`require`"], [
      ["import wall time (the target's figure)", formatPaired(cs.ratios.esm), formatPaired(cs.ratios.cjs)],
      ["import CPU time", formatPaired(cs.ratios.esmCpu), formatPaired(cs.ratios.cjsCpu)],
      ["process time minus bare process", formatPaired(cs.ratios.esmProcess), formatPaired(cs.ratios.cjsProcess)],
    ]));
    out.push("");
    out.push(`Tolerance: ±${pct(cs.ratios.esm.tolerance)} ((max − min) / median of the per-round ratios).`);
    out.push("");
  }

  if (r.perCall) renderPerCall(r, out);

  const s = r.signing;
  if (s) {
    out.push("## 4. Signing alone");
    out.push("");
    out.push(
      `ns per signature V3 (ACS3-HMAC-SHA256) of a typical request (CancelDataFlowSubTask: POST /, six query parameters, no body), ${s.rounds} alternating rounds of ${s.iterations} signatures in one process: median of the rounds (min–max). ` +
        "Ours is `signRequestV3` (builds the signed headers too); the official functions get the finished headers and the payload hash handed in. " +
        `All three produce ${s.sameSignature ? "the same" : "**different**"} Authorization header for the same input. Ratios round by round, tolerance ±${pct(s.ratios.oursOverCore.tolerance)}.`,
    );
    out.push("");
    out.push(table(["", "ns / signature", "ours / this (round by round)"], [
      ["ours (`@acs-modular/runtime` signRequestV3)", sp(s.nsPerSignature.ours, 0), ""],
      ["official, `@alicloud/openapi-core` Utils.getAuthorization (used by nas20170626 3.x)", sp(s.nsPerSignature.openapiCore, 0), formatPaired(s.ratios.oursOverCore)],
      ["official, `@alicloud/openapi-util` getAuthorization", sp(s.nsPerSignature.openapiUtil, 0), formatPaired(s.ratios.oursOverUtil)],
    ]));
    out.push("");
  }

  if (r.scale) renderScale(r, out);

  out.push("## Reproduce");
  out.push("");
  out.push("```sh");
  out.push("npm install -g pnpm@10.34.8 && pnpm install");
  out.push("pnpm bench                       # full suite (about an hour or more: the 25,000-operation catalog), writes BENCHMARKS.md");
  out.push("pnpm bench --quick               # CI-sized run (a couple of minutes), writes bench/dist/BENCHMARKS.quick.md");
  out.push("pnpm bench --only=perCall,signing   # some sections, writes bench/dist/results.partial.json");
  out.push("```");
  out.push("");
  out.push("Profile a per-call run: `pnpm --filter @acs-modular/bench run build && node bench/dist/profile.js` (writes a `.cpuprofile` per implementation and prints the top frames).");
  if (r.notes) {
    out.push("");
    out.push(r.notes.trim());
  }
  out.push("");
  return out.join("\n");
}
