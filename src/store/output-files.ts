/**
 * The output files a run wrote (`headroom sync --out DIR`), as they were on disk just after: a
 * run that keeps the last run's results (`sync/unchanged-run.ts`) leaves them where they are only
 * while they are still exactly those files. Size and modification time are what tell, as for
 * make and rsync: writing a file changes them, reading it does not.
 */
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Db } from './db.js';

export interface FileStamp {
  name: string;
  size: number;
  mtimeMs: number;
}

const stamp = (path: string): FileStamp | undefined => {
  try {
    const s = statSync(path);
    return { name: basename(path), size: s.size, mtimeMs: s.mtimeMs };
  } catch {
    return undefined;
  }
};

/** Remember the files just written to `dir`: the results of run `runId` (a results run), made
 * under `inputsKey`. */
export async function recordOutputFiles(
  db: Db,
  args: { connection: string; dir: string; inputsKey: string; runId: number; files: string[] },
): Promise<void> {
  const files = stampsOf(args.files);
  await db.query(
    `INSERT INTO output_files (connection, dir, inputs_key, files, run_id) VALUES ($1, $2, $3, $4::jsonb, $5)
     ON CONFLICT (connection, dir) DO UPDATE SET inputs_key = excluded.inputs_key,
       files = excluded.files, run_id = excluded.run_id`,
    [args.connection, resolve(args.dir), args.inputsKey, JSON.stringify(files), args.runId],
  );
}

/** Forget what was written to `dir` (a run is about to write it again, or failed doing so). */
export async function forgetOutputFiles(db: Db, connection: string, dir: string): Promise<void> {
  await db.query('DELETE FROM output_files WHERE connection = $1 AND dir = $2', [
    connection,
    resolve(dir),
  ]);
}

/** The files written to `dir`, when it still holds them untouched and they hold the results of
 * run `resultsRun`, made under `inputsKey`; undefined otherwise. */
export async function outputFilesInPlace(
  db: Db,
  args: { connection: string; dir: string; inputsKey: string; resultsRun: number },
): Promise<FileStamp[] | undefined> {
  const dir = resolve(args.dir);
  const { rows } = await db.query<{ inputs_key: string; run_id: number; files: FileStamp[] }>(
    'SELECT inputs_key, run_id, files FROM output_files WHERE connection = $1 AND dir = $2',
    [args.connection, dir],
  );
  const r = rows[0];
  if (!r || r.inputs_key !== args.inputsKey || r.run_id !== args.resultsRun) return undefined;
  if (r.files.length === 0) return undefined;
  const untouched = r.files.every((f) => sameStamp(stamp(resolve(dir, f.name)), f));
  return untouched ? r.files : undefined;
}

/** Two stamps of one file are the same: the same size, written at the same time. */
export const sameStamp = (a: FileStamp | undefined, b: FileStamp | undefined): boolean =>
  a !== undefined && b !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs;

/** Two lists of stamps name the same files as they were. */
export const sameFiles = (a: readonly FileStamp[], b: readonly FileStamp[]): boolean =>
  a.length === b.length && a.every((f, i) => f.name === b[i]!.name && sameStamp(f, b[i]));

/** The stamps of files as they are now (missing ones left out). */
export const stampsOf = (files: readonly string[]): FileStamp[] =>
  files.map((f) => stamp(f)).filter((f) => f !== undefined);
