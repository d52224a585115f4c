import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";

const templatesRoot = fileURLToPath(new URL("../../templates/", import.meta.url));

/** A compiled template and the path (inside the package) of the file it renders. */
export interface CompiledTemplate {
  readonly outputPath: string;
  readonly render: (view: object) => string;
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const abs = join(dir, name);
      return statSync(abs).isDirectory() ? walk(abs) : name.endsWith(".hbs") ? [abs] : [];
    });
}

/**
 * Compiles every `.hbs` file of a template set (`templates/<set>/`), whose tree mirrors the output tree.
 * Strict, unescaped, and without helpers: templates only lay out what the view-model decided.
 */
export function compileTemplates(set: string): CompiledTemplate[] {
  const root = join(templatesRoot, set);
  const hbs = Handlebars.create();
  return walk(root).map((abs) => ({
    outputPath: relative(root, abs).split(sep).join("/").replace(/\.hbs$/, ""),
    render: hbs.compile(readFileSync(abs, "utf8"), { strict: true, noEscape: true, knownHelpersOnly: true }),
  }));
}
