/**
 * The one source of truth of the end-to-end suite: a small portfolio made by the demo generator
 * (clean cells, so every connector reads the same facts), written as a files-format folder and
 * read back as plain rows. The Salesforce and HubSpot renderers turn these same rows into each
 * CRM's wire format; nothing is tuned per connector.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { generatePortfolio } from '../../examples/generate.js';

export type Row = Record<string, string>;

export interface Facts {
  /** The files-format folder (the files connector reads it as it is). */
  dir: string;
  accounts: Row[];
  contacts: Row[];
  deals: Row[];
  usage: Row[];
  departments: Row[];
  signals: Row[];
}

/** The run date of every sync in the suite (the generator's "today"). */
export const AS_OF = '2026-11-24';

const FILES = ['accounts', 'contacts', 'deals', 'usage', 'departments', 'signals'] as const;

function readRows(file: string): Row[] {
  const text = readFileSync(file, 'utf8');
  const header = text.slice(0, text.indexOf('\n'));
  const delimiter = header.split(';').length > header.split(',').length ? ';' : ',';
  return parse(text, { bom: true, columns: true, delimiter, skip_empty_lines: true }) as Row[];
}

/**
 * Generate `accounts` accounts (deterministic for the seed) into a fresh temp folder. 72 accounts
 * put the usage rows above one Salesforce query page (2,000) and the opportunities above one
 * sObject Collections call (200), so page and batch boundaries are crossed.
 */
export async function buildFacts(accounts = 72, seed = 11): Promise<Facts> {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-e2e-files-'));
  await generatePortfolio({ out: dir, accounts, seed, asOf: AS_OF, dirt: false });
  const rows = Object.fromEntries(FILES.map((f) => [f, readRows(join(dir, `${f}.csv`))])) as Record<
    (typeof FILES)[number],
    Row[]
  >;
  return { dir, ...rows };
}

/** `a;b` list cells as arrays (blank = none). */
export const list = (cell: string | undefined): string[] =>
  (cell ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

/** A numeric cell, or null when blank. */
export const num = (cell: string | undefined): number | null =>
  cell === undefined || cell.trim() === '' ? null : Number(cell);

/** A blank cell as null (CRMs send null for an empty field). */
export const text = (cell: string | undefined): string | null =>
  cell === undefined || cell.trim() === '' ? null : cell;

/** Rows grouped by their `account_id`. */
export function byAccount(rows: Row[]): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const r of rows) out.set(r.account_id!, [...(out.get(r.account_id!) ?? []), r]);
  return out;
}
