/**
 * Splits a `process_command` line (the CLI's External mode) into argv, without a shell: whitespace separates
 * words; `'…'` keeps everything literally; `"…"` keeps spaces and lets `\` escape `"`, `\`, `$` and a backquote;
 * outside quotes `\` escapes the next character, and a backslash-newline joins lines. On Windows, `\` is a path
 * separator and stays literal (only `\"` inside double quotes is an escape), so `C:\tools\cred.exe` survives.
 *
 * Returns a reason string for an empty command, an unclosed quote or a trailing backslash.
 */
export function splitCommand(command: string, windows = process.platform === "win32"): string[] | { readonly invalid: string } {
  const words: string[] = [];
  let word = "";
  let started = false; // a word has begun, even if empty (`tool "" arg` keeps its empty argument)
  let quote: "'" | '"' | undefined;
  const text = command.trim();
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const next = text[i + 1];
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === "\\" && next !== undefined && isDoubleQuoteEscape(next, windows)) {
        if (next !== "\n") word += next;
        i++;
      } else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      started = true;
    } else if (c === "\\" && !windows) {
      if (next === undefined) return { invalid: "process_command ends with a backslash" };
      if (next !== "\n") {
        word += next;
        started = true;
      }
      i++;
    } else if (/\s/.test(c)) {
      if (started) words.push(word);
      word = "";
      started = false;
    } else {
      word += c;
      started = true;
    }
  }
  if (quote) return { invalid: "process_command has an unclosed quote" };
  if (started) words.push(word);
  if (words.length === 0 || words[0] === "") return { invalid: "process_command is empty" };
  return words;
}

function isDoubleQuoteEscape(next: string, windows: boolean): boolean {
  return windows ? next === '"' : next === '"' || next === "\\" || next === "$" || next === "`" || next === "\n";
}
