/**
 * Where one object of a files folder lives: `<object>.csv`, `.tsv` or `.json`, or a sheet named
 * `<object>` in the folder's single XLSX workbook. Names match without regard to case, because
 * exports arrive as `Accounts.CSV` as often as `accounts.csv`.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SourceError } from '../../src/errors.js';

export type SourceFormat = 'csv' | 'tsv' | 'json' | 'xlsx';

export interface LocatedSource {
  format: SourceFormat;
  /** Absolute or folder-relative path of the file. */
  file: string;
  /** What pages and issues name as their source: `accounts.csv`, `book.xlsx#accounts`. */
  label: string;
  /** For XLSX: the sheet name asked for (matched without regard to case). */
  sheet?: string;
}

const FLAT_FORMATS: SourceFormat[] = ['csv', 'tsv', 'json'];

/** The folder's file names; a folder that cannot be listed is a SourceError naming it. */
export function listFolder(dir: string): string[] {
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a folder');
    return readdirSync(dir);
  } catch (cause) {
    throw new SourceError(dir, `cannot read the folder (${(cause as Error).message})`, { cause });
  }
}

/** The single workbook of the folder, ignoring Excel's `~$` lock files. */
export function findWorkbook(dir: string, names: string[]): string | undefined {
  const books = names.filter((n) => /\.xlsx$/i.test(n) && !n.startsWith('~$'));
  if (books.length > 1) {
    throw new SourceError(
      dir,
      `holds ${books.length} XLSX workbooks (${books.join(', ')}); keep one`,
    );
  }
  return books[0];
}

/**
 * Locate `object` in `dir`. A flat file wins over a workbook sheet; whether the sheet really
 * exists is only known once the workbook is read, so an XLSX result may still turn out missing.
 */
export function locate(dir: string, object: string): LocatedSource | undefined {
  const names = listFolder(dir);
  const lower = object.toLowerCase();
  for (const format of FLAT_FORMATS) {
    const name = names.find((n) => n.toLowerCase() === `${lower}.${format}`);
    if (name) return { format, file: join(dir, name), label: name };
  }
  const book = findWorkbook(dir, names);
  if (!book) return undefined;
  return { format: 'xlsx', file: join(dir, book), label: `${book}#${object}`, sheet: object };
}
