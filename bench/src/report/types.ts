import type { BenchConfig } from "../config.js";
import type { ColdStartResult } from "../coldStart/coldStart.js";
import type { IncrementalResult } from "../generator/incremental.js";
import type { ScalePoint } from "../generator/scale.js";
import type { FootprintResult } from "../install/footprint.js";
import type { MachineInfo } from "../machine.js";
import type { PerCallResult } from "../perCall/perCall.js";
import type { SigningResult } from "../signing/signing.js";

/** Everything one run of the suite measured. */
export interface SuiteResults {
  readonly config: BenchConfig;
  readonly machine: MachineInfo;
  readonly versions: { readonly ours: string; readonly runtime: string; readonly official: string; readonly openapiCore: string };
  readonly footprint: FootprintResult;
  readonly coldStart: ColdStartResult;
  readonly perCall: PerCallResult;
  readonly signing: SigningResult;
  readonly nas: ScalePoint;
  readonly scale: readonly ScalePoint[];
  readonly incremental: IncrementalResult;
  /** Hand-written analysis appended to the report (profiles of missed targets), if any. */
  readonly notes?: string;
}
