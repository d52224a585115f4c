import type { SpecSchema } from "../spec/types.js";

/** A TSDoc block's inner text (for `ts.addSyntheticLeadingComment`): `*` lines, safe against a closing `*\/`. */
export function docComment(text: string): string {
  const body = text.replace(/\*\//g, "*\\/").split(/\r?\n/);
  return `*\n${body.map((l) => ` *${l ? ` ${l}` : ""}`).join("\n")}\n `;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function range(min: number | undefined, max: number | undefined, unit: (n: number) => string): string | undefined {
  if (min !== undefined && max !== undefined) return min === max ? `exactly ${unit(min)}` : `${min} to ${unit(max)}`;
  if (max !== undefined) return `at most ${unit(max)}`;
  if (min !== undefined) return `at least ${unit(min)}`;
  return undefined;
}

/**
 * The limits a schema puts on a value, in one sentence for TSDoc and README tables:
 * `1 to 64 characters; pattern ^[a-z]+$.`, `from 1 to 100.`, `at most 10 items.`. Empty when there are none.
 */
export function limitsText(schema: SpecSchema): string {
  const parts: string[] = [];
  const length = range(schema.minLength, schema.maxLength, (n) => plural(n, "character"));
  if (length) parts.push(length);
  if (schema.minimum !== undefined || schema.maximum !== undefined) {
    parts.push(
      schema.minimum !== undefined && schema.maximum !== undefined
        ? `from ${schema.minimum} to ${schema.maximum}`
        : schema.minimum !== undefined
          ? `at least ${schema.minimum}`
          : `at most ${schema.maximum}`,
    );
  }
  const items = range(schema.minItems, schema.maxItems, (n) => plural(n, "item"));
  if (items) parts.push(items);
  if (schema.pattern !== undefined) parts.push(`pattern \`${schema.pattern}\``);
  if (parts.length === 0) return "";
  const text = parts.join("; ");
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}
