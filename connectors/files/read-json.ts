/**
 * JSON sources: an array of objects (`accounts.json`), each object one record. Nested objects are
 * kept, so a mapping may read dot paths (`owner.email`). JSON has no streaming parser in the
 * dependency set, so the file is read whole; exports that large are CSV in practice.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { SourceError, UnreadableSourceError } from '../../src/errors.js';
import { clip } from './line-problems.js';
import type { SheetItem } from './rows.js';

/**
 * 1-based line of a JSON syntax error. V8 names either a position (`... at position 12`) or,
 * for an unexpected token, quotes the text around it (`Unexpected token '}', ..."id": }"...`);
 * the quoted context is looked up in the text to find the line.
 */
function errorLine(text: string, err: Error): number | undefined {
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  const pos = /position (\d+)/.exec(err.message);
  if (pos) return lineAt(Number(pos[1]));
  const ctx = /^Unexpected token '(.)', (?:\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON$/.exec(
    err.message,
  );
  if (!ctx) return undefined;
  const at = text.indexOf(ctx[2]!);
  return at < 0 ? undefined : lineAt(at + Math.max(0, ctx[2]!.indexOf(ctx[1]!)));
}

/** The items of the array; a syntax error makes the whole file unreadable (JSON has no lines to
 * skip), an item that is not an object is reported and skipped by the reader. */
function readItems(file: string): unknown[] {
  const name = basename(file);
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    const line = errorLine(text, cause as Error);
    throw new UnreadableSourceError(
      name,
      `cannot parse${line ? ` line ${line}` : ''}: ${(cause as Error).message}`,
      { cause },
    );
  }
  if (!Array.isArray(data)) throw new SourceError(name, 'expected a JSON array of objects');
  return data as unknown[];
}

const isObject = (item: unknown): item is Record<string, unknown> =>
  item !== null && typeof item === 'object' && !Array.isArray(item);

/**
 * Rows of a JSON array. `row` follows the spreadsheet convention of the other formats (the first
 * item is row 2, as if the array were a sheet under a header row).
 */
export async function* readJson(file: string): AsyncGenerator<SheetItem> {
  const name = basename(file);
  const items = readItems(file);
  let bad = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (isObject(item)) {
      yield { row: i + 2, fields: item };
      continue;
    }
    bad++;
    const reason = `${name} item ${i + 1}: not an object; skipped, the rest of the file is kept`;
    yield { problems: [{ row: i + 2, reason, raw: clip(JSON.stringify(item) ?? String(item)) }] };
  }
  if (bad * 2 > items.length)
    throw new UnreadableSourceError(
      name,
      `mostly unreadable: ${bad} of ${items.length} items are not objects; the run goes on without it`,
    );
}

/** The keys used by any item, in order of first appearance. */
export function jsonHeader(file: string): string[] {
  const keys = new Set<string>();
  for (const item of readItems(file))
    if (isObject(item)) for (const k of Object.keys(item)) keys.add(k);
  return [...keys];
}
