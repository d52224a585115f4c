// The TypeScript samples of a README, for the test that typechecks them.

/** One ```ts block: its text and the line it starts on (1-based, the line after the fence). */
export interface Sample {
  readonly line: number;
  readonly code: string;
}

/** Every block fenced with ```ts (or ```typescript) in `markdown`, in order. */
export function typescriptSamples(markdown: string): Sample[] {
  const samples: Sample[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i]!)) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end]!)) end++;
    samples.push({ line: start + 1, code: lines.slice(start, end).join("\n") });
    i = end;
  }
  return samples;
}
