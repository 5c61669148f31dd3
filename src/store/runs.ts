/**
 * Sync runs: one row per run, skipped ones included. `headroom runs` reads them back.
 */
import type { Db } from './db.js';

/** `held`: stopped by the mass-change guard before any write, waiting for a confirmation. */
export type RunStatus = 'running' | 'succeeded' | 'failed' | 'skipped' | 'held';

export interface RunRow {
  id: number;
  connection: string;
  connector: string;
  status: RunStatus;
  dryRun: boolean;
  asOf: string;
  startedAt: string;
  finishedAt?: string;
  durationMs?: number;
  stats: Record<string, unknown>;
  error?: string;
}

interface RawRun {
  id: number;
  connection: string;
  connector: string;
  status: RunStatus;
  dry_run: boolean;
  as_of: string;
  started_at: Date;
  finished_at: Date | null;
  stats: Record<string, unknown>;
  error: string | null;
}

function toRun(r: RawRun): RunRow {
  return {
    id: r.id,
    connection: r.connection,
    connector: r.connector,
    status: r.status,
    dryRun: r.dry_run,
    asOf: r.as_of,
    startedAt: r.started_at.toISOString(),
    ...(r.finished_at
      ? {
          finishedAt: r.finished_at.toISOString(),
          durationMs: r.finished_at.getTime() - r.started_at.getTime(),
        }
      : {}),
    stats: r.stats,
    ...(r.error !== null ? { error: r.error } : {}),
  };
}

/** Record a run; `status` other than `running` also finishes it (a skipped run). */
export async function startRun(
  db: Db,
  run: {
    connection: string;
    connector: string;
    asOf: string;
    dryRun: boolean;
    status?: RunStatus;
    error?: string;
  },
): Promise<number> {
  const status = run.status ?? 'running';
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO sync_runs (connection, connector, status, dry_run, as_of, finished_at, error)
     VALUES ($1, $2, $3, $4, $5, CASE WHEN $3 = 'running' THEN NULL ELSE now() END, $6) RETURNING id`,
    [run.connection, run.connector, status, run.dryRun, run.asOf, run.error ?? null],
  );
  return rows[0]!.id;
}

export async function finishRun(
  db: Db,
  id: number,
  result: {
    status: Exclude<RunStatus, 'running'>;
    stats: object;
    error?: string;
    /** What the run's results depended on besides the mirror (`sync/unchanged-run.ts`). */
    inputsKey?: string;
    /** The portfolio-wide part of its analysis (`sync/changed-accounts.ts`). */
    analysisState?: unknown;
    /** The run whose analysis its results are (itself, or the run whose results it kept). */
    resultsRun?: number;
  },
): Promise<void> {
  await db.query(
    `UPDATE sync_runs SET status = $2, stats = $3::jsonb, error = $4, inputs_key = $5,
       analysis_state = $6::jsonb, results_run = $7, finished_at = now()
     WHERE id = $1`,
    [
      id,
      result.status,
      JSON.stringify(result.stats),
      result.error ?? null,
      result.inputsKey ?? null,
      result.analysisState === undefined ? null : JSON.stringify(result.analysisState),
      result.resultsRun ?? null,
    ],
  );
}

/** The run of a connection before `runId`, leaving out runs skipped for the lock (they did
 * nothing): whether its results still stand is decided from it (`sync/unchanged-run.ts`). */
export async function previousRun(
  db: Db,
  connection: string,
  runId: number,
): Promise<PreviousRun | undefined> {
  const { rows } = await db.query<{
    id: number;
    status: RunStatus;
    dry_run: boolean;
    inputs_key: string | null;
    analysis_state: unknown;
    results_run: number | null;
    stats: Record<string, unknown>;
  }>(
    `SELECT id, status, dry_run, inputs_key, analysis_state, results_run, stats FROM sync_runs
     WHERE connection = $1 AND id < $2 AND status <> 'skipped' ORDER BY id DESC LIMIT 1`,
    [connection, runId],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    id: r.id,
    status: r.status,
    dryRun: r.dry_run,
    ...(r.inputs_key !== null ? { inputsKey: r.inputs_key } : {}),
    ...(r.analysis_state !== null ? { analysisState: r.analysis_state } : {}),
    resultsRun: r.results_run ?? r.id,
    stats: r.stats,
  };
}

export interface PreviousRun {
  id: number;
  status: RunStatus;
  dryRun: boolean;
  inputsKey?: string;
  /** What its analyzer kept of the portfolio as a whole (`sync/changed-accounts.ts`). */
  analysisState?: unknown;
  /** The run whose analysis its results are. */
  resultsRun: number;
  stats: Record<string, unknown>;
}

export async function getRun(db: Db, id: number): Promise<RunRow | undefined> {
  const { rows } = await db.query<RawRun>('SELECT * FROM sync_runs WHERE id = $1', [id]);
  return rows[0] && toRun(rows[0]);
}

/** Run history, newest first. @param options.limit @default 20 */
export async function listRuns(
  db: Db,
  options: { connection?: string; limit?: number } = {},
): Promise<RunRow[]> {
  const { rows } = await db.query<RawRun>(
    `SELECT * FROM sync_runs WHERE ($1::text IS NULL OR connection = $1) ORDER BY id DESC LIMIT $2`,
    [options.connection ?? null, options.limit ?? 20],
  );
  return rows.map(toRun);
}

/** The last successful, non-dry run of a connection: what the mass-change guard compares with. */
export async function lastSucceededRun(db: Db, connection: string): Promise<number | undefined> {
  const { rows } = await db.query<{ id: number }>(
    `SELECT id FROM sync_runs WHERE connection = $1 AND status = 'succeeded' AND NOT dry_run
     ORDER BY id DESC LIMIT 1`,
    [connection],
  );
  return rows[0]?.id;
}
