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
import { elementText, writeParts } from './account-parts.js';

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

/** One JSON array file of the contract, written through a temporary name, one element a part
 * (`account-parts.ts`: the text `JSON.stringify(items, null, 2)` gives). */
export async function writeJsonFile(file: string, items: readonly unknown[]): Promise<void> {
  await writeParts(
    file,
    items.map((item) => ({ text: elementText(item) })),
  );
}

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
  const path = (name: string) => join(dir, name);
  await writeJsonFile(path(OUTPUT_FILES.opportunities), outputs.opportunities);
  await writeJsonFile(path(OUTPUT_FILES.accounts), outputs.accounts);
  await writeJsonFile(path(OUTPUT_FILES.issues), outputs.issues);
  await writeTextFile(path(OUTPUT_FILES.playbook), outputs.playbook);
  return [
    OUTPUT_FILES.opportunities,
    OUTPUT_FILES.accounts,
    OUTPUT_FILES.issues,
    OUTPUT_FILES.playbook,
  ].map(path);
}
