import { describe, expect, it } from "vitest";
import { splitCommand } from "./splitCommand.js";

describe("splitCommand", () => {
  it("splits on whitespace", () => {
    expect(splitCommand("  helper  --profile dev ", false)).toEqual(["helper", "--profile", "dev"]);
  });

  it("keeps quoted spaces; single quotes are literal, double quotes honour \\\" \\\\ \\$ and \\`", () => {
    expect(splitCommand(`"/opt/my tools/cred" 'a \\"b' "c \\"d\\" \\$e \\x"`, false)).toEqual(["/opt/my tools/cred", 'a \\"b', 'c "d" $e \\x']);
  });

  it("keeps an empty quoted argument", () => {
    expect(splitCommand(`tool "" arg`, false)).toEqual(["tool", "", "arg"]);
  });

  it("treats \\ as an escape outside quotes on POSIX, and backslash-newline as a line join", () => {
    expect(splitCommand("a\\ b c\\\nd", false)).toEqual(["a b", "cd"]);
  });

  it("keeps backslashes of Windows paths literal", () => {
    expect(splitCommand(`C:\\tools\\cred.exe "C:\\Program Files\\x" "say \\"hi\\""`, true)).toEqual(["C:\\tools\\cred.exe", "C:\\Program Files\\x", 'say "hi"']);
  });

  it("reports an empty command, an unclosed quote and a trailing backslash", () => {
    expect(splitCommand("   ", false)).toEqual({ invalid: "process_command is empty" });
    expect(splitCommand(`"" x`, false)).toEqual({ invalid: "process_command is empty" });
    expect(splitCommand(`tool "open`, false)).toEqual({ invalid: "process_command has an unclosed quote" });
    expect(splitCommand("tool \\", false)).toEqual({ invalid: "process_command ends with a backslash" });
  });
});
