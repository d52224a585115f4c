// One short explanation per target that a run missed or could not establish, written from that run's own
// figures (so the text in BENCHMARKS.md always matches its tables).
import type { TargetCheck } from "./targets.js";
import type { SuiteResults } from "./types.js";

const us = (x: number): string => `${x.toFixed(1)} µs`;
const ms = (x: number): string => `${x.toFixed(1)} ms`;

function loadNote(r: SuiteResults, section: keyof SuiteResults["load"]): string {
  const l = r.load[section];
  return l ? ` (1-minute load average ${l.start.toFixed(1)} → ${l.end.toFixed(1)} during the section, on ${r.machine.cores} cores)` : "";
}

function notEstablished(t: TargetCheck, r: SuiteResults, section: keyof SuiteResults["load"]): string {
  return `**${t.target}: not established.** The per-round ratios (${t.measured}) disagree by more than the tolerance and lie on both sides of the target${loadNote(r, section)}; rerun on a quieter machine.`;
}

function perCallCounts(r: SuiteResults): string {
  const p = r.perCall!;
  const c = p.counts;
  const promises = (i: "ours" | "bare" | "theirs"): number => c.asyncResources[i].PROMISE ?? 0;
  const parts = [`event-loop turns ${c.loopTurns.ours.toFixed(2)} vs ${c.loopTurns.bare.toFixed(2)}`, `promises ${promises("ours").toFixed(1)} vs ${promises("bare").toFixed(1)}`];
  if (p.syscalls?.ours && p.syscalls.bare) parts.push(`syscalls ${p.syscalls.ours.total.toFixed(1)} vs ${p.syscalls.bare.total.toFixed(1)}`);
  if (p.instructions?.ours !== undefined && p.instructions.bare !== undefined) parts.push(`instructions ${(p.instructions.ours / 1000).toFixed(0)}k vs ${(p.instructions.bare / 1000).toFixed(0)}k`);
  return parts.join(", ");
}

/** Explanations for every target of `targets` whose verdict is not `met`. */
export function explainMisses(r: SuiteResults, targets: readonly TargetCheck[]): string[] {
  const out: string[] = [];
  for (const t of targets) {
    if (t.verdict === "met") continue;
    const p = r.perCall;
    const c = r.coldStart;
    const s = r.signing;
    if (t.id === "perCallFloor" && p) {
      if (t.verdict === "not established") {
        out.push(notEstablished(t, r, "perCall"));
        continue;
      }
      const over = p.cpuUs.ours.median - p.cpuUs.bare.median;
      const own = p.cpuUs.oursNoIo.median;
      const afterIo = p.cpuUs.floorThenNoIo.median - p.cpuUs.bare.median;
      out.push(
        `**Per call vs the floor: missed (${t.measured}).** Ours costs ${us(over)} of client CPU per call more than a bare \`node:http\` request sending the same bytes; ` +
          `the runtime's own work without any I/O (validation, idempotency token, serialization, signing, decoding) is ${us(own)} run back to back, ` +
          `and ${us(afterIo)} (${(afterIo / own).toFixed(1)}×) when each run follows a floor request (the "floor, then ours without I/O" column: the same code, no socket of its own, run after a round trip). ` +
          `So the gap is the runtime's own work made dearer by the socket round trip before it, not a cost of our I/O path (per call, ours vs the floor: ${perCallCounts(r)}). ` +
          `The target needs ours at ≤ ${us(1.3 * p.cpuUs.bare.median)}.`,
      );
    } else if (t.id === "perCallOfficial" && p) {
      if (t.verdict === "not established") {
        out.push(notEstablished(t, r, "perCall"));
        continue;
      }
      const need = p.cpuUs.theirs.median / 2.5;
      const reach = need < p.cpuUs.bare.median ? ` That is below the floor itself (${us(p.cpuUs.bare.median)}): on this machine no client that sends the request through \`node:http\` can meet it.` : ` That leaves ${us(need - p.cpuUs.bare.median)} above the floor for everything the runtime does.`;
      out.push(`**Per call vs the official client: missed (${t.measured}).** 2.5× less than the official client's ${us(p.cpuUs.theirs.median)} is ${us(need)} per call.${reach}`);
    } else if (t.id === "signing" && s) {
      if (t.verdict === "not established") {
        out.push(notEstablished(t, r, "signing"));
        continue;
      }
      out.push(
        `**Signing: missed (${t.measured}).** Ours ${s.nsPerSignature.ours.median.toFixed(0)} ns against ${s.nsPerSignature.openapiCore.median.toFixed(0)} ns (openapi-core) and ${s.nsPerSignature.openapiUtil.median.toFixed(0)} ns (openapi-util) per signature. ` +
          "The official functions are handed the finished header set and the payload hash; `signRequestV3` also builds the signed headers (date, nonce, content hash) and encodes the canonical query itself.",
      );
    } else if (t.id === "coldStart" && c) {
      if (t.verdict === "not established") {
        out.push(notEstablished(t, r, "coldStart"));
        continue;
      }
      const im = c.importMs;
      out.push(
        `**Cold start: missed (${t.measured}).** Importing ours takes ${ms(im.oursEsm.median)} (\`import\`) and ${ms(im.oursCjs.median)} (\`require\`), of which the runtime alone is ${ms(im.runtimeEsm.median)} and ${ms(im.runtimeCjs.median)}; ` +
          `the official SDK takes ${ms(im.theirsEsm.median)} and ${ms(im.theirsCjs.median)}. 20× needs ours at ≤ ${ms(im.theirsEsm.median / 20)} and ≤ ${ms(im.theirsCjs.median / 20)}.`,
      );
    } else if (t.id.startsWith("edit-")) {
      out.push(`**${t.target}: missed.** ${t.measured}.`);
    } else {
      out.push(`**${t.target}: ${t.verdict}.** ${t.measured}.`);
    }
  }
  return out;
}
