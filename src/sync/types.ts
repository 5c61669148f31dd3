/**
 * The sync engine's contracts: what a run needs, what it reports.
 */
import type { Connector } from '../../connectors/types.js';
import type { Mapping } from '../mapping/schema.js';
import type { AccountSummary, Issue, Opportunity } from '../model/output.js';
import type { Account, Portfolio } from '../model/records.js';
import type { Catalog } from '../model/catalog.js';
import type { Store } from '../store/db.js';
import type { RunWarning, WarnThresholds } from './run-warnings.js';
import type { MassChangeHold, MassChangeSettings } from './mass-change-guard.js';
import type { PullWorkerMode } from './pull-worker.js';

/** A connection as a run needs it: its mapping loaded and its options resolved. */
export interface SyncConnection {
  /** Unique name; prefixes neutral ids (`name:crmId`) and keys every stored row. */
  name: string;
  /** Registry name of the connector (`files`, `salesforce`, `hubspot`). */
  connector: string;
  mappingFile: string;
  mapping: Mapping;
  /** Write results back to the CRM (the mapping's `writeBack` section). */
  writeBack: boolean;
  options: Record<string, unknown>;
  /** The mass-change guard's share for this connection (0–1). @default 0.2 */
  massChangeShare?: number;
}

/** What scoring and narratives make of a portfolio (injected: the engine knows neither). */
export interface Analysis {
  opportunities: Opportunity[];
  accounts: AccountSummary[];
  /** Identifies the scoring settings used (a content hash or saved version): a change here
   * with unchanged evidence is attributed to the settings in the score history. */
  settingsVersion: string;
  /** What the analyzer keeps of the portfolio as a whole (JSON: statistics the accounts were
   * scored against), kept with the run. A later run that analyzes only the accounts that
   * changed is handed it (`AnalyzeShare`). */
  state?: unknown;
}
/** `storeRead`, when the analyzer calls it, says it has read what it needs of the store: the
 * run's own database work (the day's snapshot) then goes on beside the rest of the analysis,
 * rather than after it. */
export type Analyze = (
  portfolio: Portfolio,
  asOf: string,
  storeRead?: () => void,
) => Analysis | Promise<Analysis>;

/**
 * Analyze only the accounts that changed, against what the last run kept of the portfolio as a
 * whole. Resolves undefined when they cannot be analyzed apart (what the portfolio as a whole
 * gives them moved): the run then analyzes everything.
 */
export type AnalyzeShare = (input: {
  /** The accounts that changed (sorted), gone ones too. */
  accountIds: readonly string[];
  /** The changed accounts that are still live, each with all its records. */
  share: Portfolio;
  /** The account records this run wrote or deleted: as the mirror held them before (`before`:
   * none for a new account) and as they are now (`after`: none for one gone). */
  accountChanges: { before: Account[]; after: Account[] };
  asOf: string;
  /** `Analysis.state` of the run whose results this one builds on. */
  previous: unknown;
}) => Promise<Analysis | undefined>;

export interface SyncLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export type SyncPhase = 'pull' | 'analyze' | 'read-back' | 'write';

export interface RunSyncOptions {
  store: Store;
  connection: SyncConnection;
  /** The connector, already created for this connection. */
  connector: Connector;
  analyze: Analyze;
  /** The run's date (YYYY-MM-DD): scoring reads no clock. */
  asOf: string;
  /** Plan the write-back and stop: nothing goes to the CRM or to write_state. */
  dryRun?: boolean;
  /** Ignore watermarks: pull everything (and notice deletions). */
  full?: boolean;
  onProgress?: (phase: SyncPhase, done: number, total: number) => void;
  /** Called as soon as the run is recorded (also for a skipped run), before any work. */
  onRunStarted?: (runId: number) => void;
  log: SyncLogger;
  /** Records per `connector.write` call; outcomes are recorded after each. @default 200 */
  writeBatchSize?: number;
  /** The active catalog: account plans and products are resolved to its keys while mapping. */
  catalog?: Catalog;
  /** Pull and map some objects in a worker thread, where the connector allows it (files): `auto`
   * does when there is a second core and enough to parse. @default 'auto' */
  pullWorker?: PullWorkerMode;
  /** When a run's health or refusal figures earn a warning. @default DEFAULT_WARN_THRESHOLDS */
  warnThresholds?: WarnThresholds;
  /** The mass-change guard: `allow` confirms a mass change (`--allow-mass-change`); `share`
   * overrides the connection's. @default { share: connection.massChangeShare ?? 0.2, allow: false } */
  massChange?: Partial<MassChangeSettings>;
  /** What `analyze` depends on besides the mirror, the run's date, the mapping and people's
   * decisions (the scoring settings and catalog, Headroom's version). With it, a run whose pull
   * changed nothing keeps the results of the run before when that run succeeded with the same
   * inputs (`unchanged-run.ts`); without it, every run analyzes. */
  analysisKey?: string;
  /** Asked before a run keeps the last run's results or builds on them: true when what the caller
   * made of results with these inputs is still in place (the output files). `changed` tells a
   * run whose pull changed records (it may analyze only their accounts, `analyzeShare`) from one
   * that keeps the results as they are. @default every time true */
  resultsInPlace?: (inputsKey: string, resultsRun: number, changed: boolean) => Promise<boolean>;
  /** With it, a run whose pull changed the records of a few accounts, after a run whose results
   * stand (as for `analysisKey`), analyzes only those accounts (`changed-accounts.ts`). */
  analyzeShare?: AnalyzeShare;
}

export type WriteSection = 'account' | 'opportunity' | 'task';

export interface RunStats {
  pulled: number;
  mapped: number;
  issues: number;
  mirrorUpserts: number;
  /** Objects pulled and mapped in the pull worker (the second core), in the neutral order. */
  pulledInWorker: string[];
  /** Objects whose source was unchanged since a run read it in full (a files export with the
   * same bytes and mapping): not read again, scored from the mirror (`unchanged-source.ts`). */
  unchanged: string[];
  deletes: number;
  snapshots: number;
  opportunities: { new: number; changed: number; closed: number };
  /** Status changes read back from the CRM (people's decisions). */
  statusChanges: number;
  writes: Record<WriteSection, number>;
  writeErrors: number;
  apiCalls: number;
  durationMs: number;
  /** Milliseconds spent per step (pull, snapshot, portfolio, analyze, track, read-back, plan, write). */
  phaseMs: Record<string, number>;
  /** Of `phaseMs`, the milliseconds the run's own thread was busy (Node's event loop
   * utilization: running code or collecting garbage, not waiting on the database, a worker or
   * the network). A phase near its `phaseMs` is bound by this thread's work; one far below, by
   * what it waited on. */
  phaseBusyMs: Record<string, number>;
  /** Implausible figures of this run (most accounts red, many records refused). */
  warnings: RunWarning[];
  /** What the run's results hold (carried over by a run that keeps the last run's results). */
  results?: { accounts: number; opportunities: number; tier1Expansion: number; red: number };
  /** Accounts analyzed this run when it analyzed only those that changed. */
  changedAccounts?: number;
}

/** One record of the write plan, as a dry run shows it. */
export interface FieldDiffSample {
  key: string;
  /** Fields that differ from what was last written, with their new values. */
  changed: Record<string, unknown>;
  /** True when nothing was ever written for this key. */
  created: boolean;
}

export type WritePlanSummary = Partial<
  Record<
    WriteSection,
    { to: string; mode: string; records: number; fields: number; samples: FieldDiffSample[] }
  >
>;

export interface RunReport {
  runId: number;
  connection: string;
  status: 'succeeded' | 'failed' | 'skipped' | 'held';
  asOf: string;
  dryRun: boolean;
  stats: RunStats;
  /** The write plan (always on a dry run; what was attempted otherwise). */
  plan: WritePlanSummary;
  /** The analysis of this run, for the output files; absent when the run stopped before it. */
  analysis?: Analysis;
  issues: Issue[];
  error?: string;
  /** Why the mass-change guard held the run (status `held`). */
  held?: MassChangeHold;
  /** Nothing the analysis depends on changed since this run, which succeeded: its results stand,
   * and this run scored, stored and wrote nothing (`unchanged-run.ts`). No `analysis` then. */
  unchangedSince?: number;
  /** The run analyzed only these accounts, the ones whose records changed (sorted): `analysis`
   * holds their results (none for an account gone), the other accounts' results stand as the
   * last run left them (`changed-accounts.ts`). */
  changedAccounts?: string[];
  /** What the results of a run that succeeded depended on besides the mirror (`unchanged-run.ts`):
   * the caller records what it made of them under this key. */
  inputsKey?: string;
  /** The run whose analysis this run's results are: this run, or the run whose results it kept.
   * The caller records what it made of the results with it. */
  resultsRun?: number;
}

export const emptyStats = (): RunStats => ({
  pulled: 0,
  mapped: 0,
  issues: 0,
  mirrorUpserts: 0,
  pulledInWorker: [],
  unchanged: [],
  deletes: 0,
  snapshots: 0,
  opportunities: { new: 0, changed: 0, closed: 0 },
  statusChanges: 0,
  writes: { account: 0, opportunity: 0, task: 0 },
  writeErrors: 0,
  apiCalls: 0,
  durationMs: 0,
  phaseMs: {},
  phaseBusyMs: {},
  warnings: [],
});
