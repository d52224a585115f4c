import type { BenchConfig } from "../config.js";
import type { ColdStartResult } from "../coldStart/coldStart.js";
import type { FootprintResult } from "../install/footprint.js";
import type { MachineInfo } from "../machine.js";
import type { PerCallResult } from "../perCall/perCall.js";
import type { ScaleResult } from "../scale/scale.js";
import type { SigningResult } from "../signing/signing.js";

/** The sections of the suite, in the order they run (`--only=` takes these names). */
export const SECTIONS = ["footprint", "coldStart", "perCall", "signing", "scale"] as const;
export type Section = (typeof SECTIONS)[number];

/** The 1-minute load average when a section started and ended (and the 5-minute one at its end). */
export interface LoadDuring {
  readonly start: number;
  readonly end: number;
  readonly endFive: number;
  readonly ms: number;
}

/** Everything one run of the suite measured (a section left out by `--only` is absent). */
export interface SuiteResults {
  readonly config: BenchConfig;
  readonly machine: MachineInfo;
  readonly durationMs: number;
  readonly load: Partial<Record<Section, LoadDuring>>;
  readonly versions: { readonly ours: string; readonly runtime: string; readonly official: string; readonly openapiCore: string };
  readonly footprint?: FootprintResult;
  readonly coldStart?: ColdStartResult;
  readonly perCall?: PerCallResult;
  readonly signing?: SigningResult;
  readonly scale?: ScaleResult;
  /** Set by `--combine`: the `--only` runs the sections come from, with when each finished. */
  readonly combinedFrom?: readonly string[];
  /** Hand-written analysis appended to the report, if any. */
  readonly notes?: string;
}
