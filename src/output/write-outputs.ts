/**
 * Write a run's results as the output contract's files (DESIGN.md "Outputs"): opportunities.json,
 * accounts.json, expansion-playbook.md and issues.json. Each file is written to a temporary name
 * and renamed, so a reader never sees half a file.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { join } from 'node:path';
import type { AccountSummary, Issue, Opportunity } from '../model/output.js';

export interface Outputs {
  opportunities: Opportunity[];
  accounts: AccountSummary[];
  issues: Issue[];
  playbook: string;
}

export const OUTPUT_FILES = {
  opportunities: 'opportunities.json',
  accounts: 'accounts.json',
  playbook: 'expansion-playbook.md',
  issues: 'issues.json',
} as const;

/**
 * Write to a temporary name, then rename. The text is produced in pieces and streamed, so a
 * 100k-account portfolio's opportunities never become one giant string in memory.
 */
async function writeAtomic(file: string, pieces: Iterable<string>): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  const out = createWriteStream(tmp, { encoding: 'utf8' });
  for (const piece of pieces) {
    if (!out.write(piece)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  out.end();
  await finished(out);
  await rename(tmp, file);
}

/** A JSON array, pretty-printed one element at a time (the same text as `JSON.stringify(items,
 * null, 2)`), in pieces of about 1 MB. Each element is written as the one element of an array,
 * so `JSON.stringify` indents it one level deeper itself. */
function* jsonArray(items: readonly unknown[]): Generator<string> {
  if (!items.length) {
    yield '[]\n';
    return;
  }
  let piece = '[\n';
  for (let i = 0; i < items.length; i++) {
    // `[\n  {...}\n]`: the element, indented, between the brackets' lines.
    const one = JSON.stringify([items[i]], null, 2);
    piece += `${one.slice(2, -2)}${i < items.length - 1 ? ',' : ''}\n`;
    if (piece.length >= 1 << 20) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}]\n`;
}

/** One JSON array file of the contract (`issues.json`), written through a temporary name. */
export const writeJsonFile = (file: string, items: readonly unknown[]): Promise<void> =>
  writeAtomic(file, jsonArray(items));

/** The playbook: the text (or its pieces, the last ending the text), ending in a newline,
 * written through a temporary name. */
export const writeTextFile = (file: string, text: string | readonly string[]): Promise<void> => {
  const pieces = typeof text === 'string' ? [text] : [...text];
  const last = pieces.at(-1) ?? '';
  if (!last.endsWith('\n')) pieces.push('\n');
  return writeAtomic(file, pieces);
};

/** Returns the paths written. */
export async function writeOutputs(dir: string, outputs: Outputs): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: [string, Iterable<string>][] = [
    [OUTPUT_FILES.opportunities, jsonArray(outputs.opportunities)],
    [OUTPUT_FILES.accounts, jsonArray(outputs.accounts)],
    [OUTPUT_FILES.issues, jsonArray(outputs.issues)],
    [
      OUTPUT_FILES.playbook,
      [outputs.playbook.endsWith('\n') ? outputs.playbook : `${outputs.playbook}\n`],
    ],
  ];
  const written: string[] = [];
  for (const [name, pieces] of files) {
    const path = join(dir, name);
    await writeAtomic(path, pieces);
    written.push(path);
  }
  return written;
}
