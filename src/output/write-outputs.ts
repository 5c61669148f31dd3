/**
 * Write a run's results as the output contract's files (DESIGN.md "Outputs"): opportunities.json,
 * accounts.json, expansion-playbook.md and issues.json. Each file is written to a temporary name
 * and renamed, so a reader never sees half a file.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
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

async function writeAtomic(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, text, 'utf8');
  await rename(tmp, file);
}

/** Returns the paths written. */
export async function writeOutputs(dir: string, outputs: Outputs): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: [string, string][] = [
    [OUTPUT_FILES.opportunities, `${JSON.stringify(outputs.opportunities, null, 2)}\n`],
    [OUTPUT_FILES.accounts, `${JSON.stringify(outputs.accounts, null, 2)}\n`],
    [OUTPUT_FILES.issues, `${JSON.stringify(outputs.issues, null, 2)}\n`],
    [
      OUTPUT_FILES.playbook,
      outputs.playbook.endsWith('\n') ? outputs.playbook : `${outputs.playbook}\n`,
    ],
  ];
  const written: string[] = [];
  for (const [name, text] of files) {
    const path = join(dir, name);
    await writeAtomic(path, text);
    written.push(path);
  }
  return written;
}
