// Wall-clock time of each step of the release, printed as it ends and as one table at the end, so that the
// cost of the test (and of a real release) can be read off a CI log. Reported, never asserted.

export class Timings {
  readonly #steps: { readonly label: string; readonly ms: number }[] = [];
  readonly #started = performance.now();

  async time<T>(label: string, step: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await step();
    } finally {
      const ms = performance.now() - started;
      this.#steps.push({ label, ms });
      console.log(`[registry] ${label}: ${(ms / 1000).toFixed(1)} s`);
    }
  }

  report(): string {
    const width = Math.max(...this.#steps.map((s) => s.label.length), "whole test".length);
    const line = (label: string, ms: number) => `  ${label.padEnd(width)}  ${(ms / 1000).toFixed(1).padStart(7)} s`;
    return ["[registry] timings:", ...this.#steps.map((s) => line(s.label, s.ms)), line("whole test", performance.now() - this.#started)].join("\n");
  }
}
