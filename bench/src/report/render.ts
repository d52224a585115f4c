import { fixed, formatBytes, formatRatio, linearFit } from "../stats.js";
import { EDITED_SPEC } from "../generator/incremental.js";
import { checkTargets } from "./targets.js";
import type { SuiteResults } from "./types.js";

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(2)} MB`;

/** Renders a run of the suite as BENCHMARKS.md. */
export function renderReport(r: SuiteResults): string {
  const m = r.machine;
  const c = r.config;
  const out: string[] = [];
  out.push("# Benchmarks: acs-modular against the official Alibaba Cloud SDK");
  out.push("");
  out.push(
    `Written by \`pnpm bench\`${c.quick ? " --quick (reduced run)" : ""} on ${m.date}. Ours: \`@acs-modular/nas-cancel-data-flow-sub-task@${r.versions.ours}\` + ` +
      `\`@acs-modular/runtime@${r.versions.runtime}\`; theirs: \`@alicloud/nas20170626@${r.versions.official}\` (with \`@alicloud/openapi-core@${r.versions.openapiCore}\`). ` +
      "Every comparison runs both in the same run, alternating, and reports medians and ratios; absolute times on a shared 2-core machine are noise, ratios are the result.",
  );
  out.push("");
  out.push(table(["machine", ""], [
    ["CPU", `${m.cpuModel}, ${m.cores} cores`],
    ["memory", formatBytes(m.memoryBytes)],
    ["OS", m.os],
    ["Node", m.node],
  ]));
  out.push("");
  out.push("## Targets (issue 6)");
  out.push("");
  out.push(table(["target", "measured", "met"], checkTargets(r).map((t) => [t.target, t.measured, t.met ? "yes" : "**no**"])));
  out.push("");

  const f = r.footprint;
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

  const cs = r.coldStart;
  out.push("## 2. Cold start");
  out.push("");
  out.push(`A fresh \`node\` process that imports the package, minus a bare process of the same module kind (\`node -e 0\`, \`node --input-type=module -e 0\`); median of ${cs.runs} runs of each, the variants rotating every run.`);
  out.push("");
  out.push(table(["", "ours (added)", "official (added)", "bare node (floor)", "official / ours"], [
    ["ESM `import`", `${fixed(cs.added.oursEsm, 1)} ms`, `${fixed(cs.added.theirsEsm, 1)} ms`, `${fixed(cs.medianMs.bareEsm, 1)} ms`, formatRatio(cs.added.theirsEsm, Math.max(cs.added.oursEsm, 0.1))],
    ["CJS `require`", `${fixed(cs.added.oursCjs, 1)} ms`, `${fixed(cs.added.theirsCjs, 1)} ms`, `${fixed(cs.medianMs.bareCjs, 1)} ms`, formatRatio(cs.added.theirsCjs, Math.max(cs.added.oursCjs, 0.1))],
  ]));
  out.push("");

  const p = r.perCall;
  out.push("## 3. Per-call cost");
  out.push("");
  out.push(
    `Sequential \`cancelDataFlowSubTask\` calls against one HTTP server on 127.0.0.1 running in a separate process (its CPU is not counted), keep-alive on every side. ` +
      `${p.rounds} rounds of ${p.calls} calls per implementation after a warm-up, the order rotating each round; medians. ` +
      "CPU is the client process's user + system time (`process.cpuUsage`) divided by calls. The floor is a bare `node:http` request with exactly the path and headers ours sends (captured from our first call), reading and parsing the JSON answer: no validation, serialization or signing.",
  );
  out.push("");
  out.push(table(["", "ours", "official", "bare http (floor)", "ours / floor", "official / ours"], [
    ["client CPU per call", `${fixed(p.cpuUs.ours, 1)} µs`, `${fixed(p.cpuUs.theirs, 1)} µs`, `${fixed(p.cpuUs.bare, 1)} µs`, formatRatio(p.cpuUs.ours, p.cpuUs.bare), formatRatio(p.cpuUs.theirs, p.cpuUs.ours)],
    ["of which user mode", `${fixed(p.userUs.ours, 1)} µs`, `${fixed(p.userUs.theirs, 1)} µs`, `${fixed(p.userUs.bare, 1)} µs`, formatRatio(p.userUs.ours, p.userUs.bare), formatRatio(p.userUs.theirs, p.userUs.ours)],
    ["calls per second", fixed(p.callsPerSecond.ours, 0), fixed(p.callsPerSecond.theirs, 0), fixed(p.callsPerSecond.bare, 0), formatRatio(p.callsPerSecond.bare, p.callsPerSecond.ours), formatRatio(p.callsPerSecond.ours, p.callsPerSecond.theirs)],
    ["new TCP connections in measured rounds", String(p.newConnections.ours), String(p.newConnections.theirs), String(p.newConnections.bare), "", ""],
  ]));
  out.push("");
  out.push(
    `Ours without I/O (the same calls through a transport that answers at once: validation, idempotency token, serialization, signing, decoding): ` +
      `**${fixed(p.cpuUs.oursNoIo, 1)} µs** CPU per call (${fixed(p.userUs.oursNoIo, 1)} µs user). ` +
      `Ours minus the floor: ${fixed(p.cpuUs.ours - p.cpuUs.bare, 1)} µs.`,
  );
  out.push("");

  const s = r.signing;
  out.push("## 4. Signing alone");
  out.push("");
  out.push(
    `ns per signature V3 (ACS3-HMAC-SHA256) of a typical request (CancelDataFlowSubTask: POST /, six query parameters, no body), ${s.rounds} alternating rounds of ${s.iterations} signatures, median. ` +
      "Ours is `signRequestV3` (builds the signed headers too); the official functions get the finished headers and the payload hash handed in. " +
      `All three produce ${s.sameSignature ? "the same" : "**different**"} Authorization header for the same input.`,
  );
  out.push("");
  out.push(table(["", "ns / signature", "vs ours"], [
    ["ours (`@acs-modular/runtime` signRequestV3)", fixed(s.nsPerSignature.ours, 0), "1×"],
    ["official, `@alicloud/openapi-core` Utils.getAuthorization (used by nas20170626 3.x)", fixed(s.nsPerSignature.openapiCore, 0), formatRatio(s.nsPerSignature.openapiCore, s.nsPerSignature.ours)],
    ["official, `@alicloud/openapi-util` getAuthorization", fixed(s.nsPerSignature.openapiUtil, 0), formatRatio(s.nsPerSignature.openapiUtil, s.nsPerSignature.ours)],
  ]));
  out.push("");

  out.push("## 5. Generator scale");
  out.push("");
  out.push(
    "Each run is a fresh child process that imports the generator from `generator/dist` and calls `generate({ rootDir })` on an empty temporary root; " +
      "time is the `generate()` call (the process, including loading the generator, in brackets); peak memory is the process's max RSS. " +
      "Synthetic catalogs are built from the real NAS specs as templates, renamed and reshaped (enum parameters, flat `repeatList` arrays of objects, deeper nested responses, 30 extra error codes) in products of 100 operations.",
  );
  out.push("");
  const ok = r.scale.filter((pt) => pt.failed === undefined);
  const rows = [r.nas, ...r.scale].map((pt, i) => pt.failed !== undefined ? ["synthetic", String(pt.operations), `**failed**: ${pt.failed.replace(/\|/g, "\\|")}`, "", "", ""] : [
    i === 0 ? `NAS data-flow (specs/nas)${c.nasRepeats > 1 ? `, median of ${c.nasRepeats}` : ""}` : "synthetic",
    String(pt.operations),
    `${(pt.generateMs / 1000).toFixed(2)} s (${(pt.processMs / 1000).toFixed(2)} s)`,
    (pt.generateMs / pt.operations).toFixed(2),
    mb(pt.maxRssBytes),
    String(pt.filesWritten),
  ]);
  out.push(table(["catalog", "operations", "generate (process)", "ms / operation", "peak RSS", "files written"], rows));
  if (ok.length >= 2) {
    const fit = linearFit(ok.map((pt) => [pt.operations, pt.generateMs]));
    out.push("");
    out.push(`Least-squares fit over the synthetic points: ${fit.slope.toFixed(2)} ms per operation + ${(fit.intercept / 1000).toFixed(2)} s, R² = ${fit.r2.toFixed(4)}.`);
  }
  out.push("");
  const inc = r.incremental;
  out.push("### One changed spec, turbo cache warm");
  out.push("");
  out.push(
    "In a temporary copy of the repository: `generate`, then `turbo run build` to warm the cache, then one edit to the `summary` of `" + EDITED_SPEC + "`, then the timed `generate` + `turbo run build`. " +
      `Build scope: ${inc.buildScope}.`,
  );
  out.push("");
  out.push(table(["", ""], [
    ["generate (process)", `${(inc.generateMs / 1000).toFixed(2)} s`],
    ["turbo run build", `${(inc.buildMs / 1000).toFixed(2)} s`],
    ["generate + build", `${((inc.generateMs + inc.buildMs) / 1000).toFixed(2)} s`],
    ["packages regenerated", inc.regeneratedPackages.join(", ") || "none"],
    ["build tasks run (cache miss)", inc.rebuiltTasks.join(", ") || "none"],
    ["build tasks restored from cache", `${inc.cachedTasks} of ${inc.totalTasks}`],
  ]));
  out.push("");
  out.push("## Reproduce");
  out.push("");
  out.push("```sh");
  out.push("npm install -g pnpm@10.34.8 && pnpm install");
  out.push("pnpm bench            # full suite (several minutes), writes BENCHMARKS.md");
  out.push("pnpm bench --quick    # reduced suite (< 1 minute, what CI runs), writes bench/dist/BENCHMARKS.quick.md");
  out.push("```");
  out.push("");
  out.push("Profile a per-call run: `pnpm --filter @acs-modular/bench run build && node bench/dist/profile.js` (writes a `.cpuprofile` per implementation and prints the top frames).");
  if (r.notes) {
    out.push("");
    out.push("## Closing notes");
    out.push("");
    out.push(r.notes.trim());
  }
  out.push("");
  return out.join("\n");
}
