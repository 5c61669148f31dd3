/**
 * The output files a run wrote (`headroom sync --out DIR`), as they were on disk just after: a
 * run that keeps the last run's results (`sync/unchanged-run.ts`) leaves them where they are only
 * while they are still exactly those files. Size and modification time are what tell, as for
 * make and rsync: writing a file changes them, reading it does not.
 */
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Db } from './db.js';

interface FileStamp {
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

/** Remember the files just written to `dir` for results made under `inputsKey`. */
export async function recordOutputFiles(
  db: Db,
  args: { connection: string; dir: string; inputsKey: string; runId: number; files: string[] },
): Promise<void> {
  const files = args.files.map((f) => stamp(f)).filter((f) => f !== undefined);
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

/** True when `dir` still holds, untouched, the files written for results made under
 * `inputsKey`. */
export async function outputFilesInPlace(
  db: Db,
  args: { connection: string; dir: string; inputsKey: string },
): Promise<boolean> {
  const dir = resolve(args.dir);
  const { rows } = await db.query<{ inputs_key: string; files: FileStamp[] }>(
    'SELECT inputs_key, files FROM output_files WHERE connection = $1 AND dir = $2',
    [args.connection, dir],
  );
  const r = rows[0];
  if (!r || r.inputs_key !== args.inputsKey || r.files.length === 0) return false;
  return r.files.every((f) => {
    const now = stamp(resolve(dir, f.name));
    return now !== undefined && now.size === f.size && now.mtimeMs === f.mtimeMs;
  });
}
