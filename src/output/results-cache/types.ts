/** The shapes of the output files' cache (`./index.ts`). */
import type { PrecisionItem } from '../../learning/signal-precision.js';
import type { AccountSummary } from '../../model/output.js';
import type {
  AccountFigures,
  AccountNotes,
  OpportunityFacts,
} from '../../narrative/playbook-facts.js';
import type { FileStamp } from '../../store/output-files.js';

export interface CacheHeader {
  format: number;
  connection: string;
  /** The output folder, resolved. */
  out: string;
  /** The run whose results the files hold, and the inputs they were made under. */
  resultsRun: number;
  inputsKey: string;
  /** The output files as written. */
  files: FileStamp[];
  /** The signal-precision history from the portfolio's past, when the playbook used it: the
   * cutoff and the statistics of the portfolio then (JSON text). */
  retro?: { cutoff: string; stats: string };
  /** Valid bytes of the accounts, the log, the rows and the playbook's orders (0: none). */
  lengths?: { accounts: number; log: number; texts: number; order: number };
}

export interface CachedAccount {
  id: string;
  /** Bytes of its part of opportunities.json and accounts.json. */
  oppsBytes: number;
  accountBytes: number;
  summary: AccountSummary;
  opportunities: OpportunityFacts[];
  record?: AccountFigures;
  activeContacts?: number;
  notes: AccountNotes;
  /** Its part of the retro history; absent when it was not a customer at the cutoff. */
  retro?: { digest: string; items: PrecisionItem[] };
}

/** The files of a connection's output folder under `dir`. */
export interface CacheFiles {
  head: string;
  accounts: string;
  log: string;
  texts: string;
  /** The playbook's orders as the last run left them (`./order.ts`). */
  order: string;
  /** The last `opportunities.json` and `accounts.json` but one, kept to be written over
   * (`writeParts`). */
  spares: { opportunities: string; accounts: string };
}
