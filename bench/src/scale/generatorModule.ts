import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { REPO_ROOT } from "../paths.js";

// The generator's build emits no .d.ts (it is an application, not a library), so the few functions the
// bench calls are typed here, narrowly, and loaded from generator/dist at run time.

/** A spec document as the generator's loader returns it (only what the bench reads or rewrites). */
export type SpecDocument = Record<string, unknown> & {
  "x-acs-product": string;
  "x-acs-version": string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Record<string, unknown>>>;
};

export interface GeneratorModule {
  generate(options: { rootDir: string; specsDir?: string; check?: boolean }): Promise<{ models: unknown[]; products: unknown[]; changed: string[]; stale: string[]; refused: readonly { message: string }[] }>;
}

export interface LoadedSpecs {
  products: { file: string; doc: Record<string, unknown> }[];
  operations: { file: string; doc: SpecDocument }[];
  refused: { message: string }[];
}

export interface LoadSpecsModule {
  loadSpecs(specsDir: string, rootDir: string): LoadedSpecs;
}

/** `generator/dist/<rel>` of the repository (or of `root`, a copy of it). */
export async function importGenerator<T>(rel: string, root = REPO_ROOT): Promise<T> {
  return (await import(pathToFileURL(join(root, "generator/dist", rel)).href)) as T;
}
