/**
 * Write a run's results as the output contract's files (DESIGN.md "Outputs"): opportunities.json,
 * accounts.json, expansion-playbook.md and issues.json. Each file is written to a temporary name
 * and renamed, so a reader never sees half a file.
 */
import { mkdir, open, rename, rm } from 'node:fs/promises';
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

const CHUNK = 1 << 20;

/**
 * Write to a temporary name, then rename. The text is produced in pieces and written a megabyte
 * at a time, each encoded into the same buffer (a piece such as the playbook's table of 100k
 * accounts is tens of megabytes: encoded whole, it would be that many bytes of new memory, and
 * on a virtual machine every new page is a fault the host serves), so a 100k-account
 * portfolio's text never becomes one giant buffer in memory.
 */
async function writeAtomic(file: string, pieces: Iterable<string>): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  const out = await open(tmp, 'w');
  try {
    const buf = Buffer.allocUnsafeSlow(CHUNK);
    const encoder = new TextEncoder();
    let size = 0;
    const flush = async () => {
      for (let at = 0; at < size;) at += (await out.write(buf, at, size - at)).bytesWritten;
      size = 0;
    };
    for (const piece of pieces) {
      // Most pieces are short (a table's line, the newline after it): one that surely fits (at
      // most 3 bytes a UTF-16 unit) is written in place, with no view of the buffer made for it.
      if (piece.length * 3 <= CHUNK - size) {
        size += buf.write(piece, size);
        continue;
      }
      for (let rest = piece; rest.length > 0;) {
        const { read, written } = encoder.encodeInto(rest, buf.subarray(size));
        size += written;
        rest = read < rest.length ? rest.slice(read) : '';
        // Full, or too full for the next character (up to 4 bytes).
        if (rest.length > 0 || size > CHUNK - 4) await flush();
      }
    }
    await flush();
    await out.close();
  } catch (err) {
    await out.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw err;
  }
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
