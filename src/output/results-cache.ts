/**
 * What a run that wrote the output files keeps of each account, so a later run that analyzed
 * only the accounts that changed can write the same files a run over everything writes: each
 * account's part of `opportunities.json` and `accounts.json` (byte lengths: the bytes are read
 * from the files themselves), its playbook facts (`narrative/playbook-facts.ts`) and its share of
 * the signal-precision history. One JSON line per account, in output order, after a header naming
 * the files it goes with (their sizes and times, the run whose results they hold, the inputs
 * key): a cache that does not match the files is not used, and the run writes everything.
 *
 * Derived data, so it lives beside the store on local disk (`HEADROOM_RESULTS_DIR`), one file per
 * connection and output folder, written through a temporary name. Losing it costs one full run.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import type { PrecisionItem } from '../learning/signal-precision.js';
import type { AccountSummary } from '../model/output.js';
import type {
  AccountFigures,
  AccountNotes,
  OpportunityFacts,
} from '../narrative/playbook-facts.js';
import type { FileStamp } from '../store/output-files.js';

/** Bump when the layout below changes: an older cache is then not read. */
const FORMAT = 1;

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
  /** The playbook was rendered with the accounts' records and contacts. */
  withRecords: boolean;
  withContacts: boolean;
  /** The signal-precision history from the portfolio's past, when the playbook used it: the
   * cutoff and the statistics of the portfolio then (JSON text). */
  retro?: { cutoff: string; stats: string };
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

/** The cache file of a connection's output folder under `dir`. */
export function cacheFile(dir: string, connection: string, out: string): string {
  const id = createHash('sha1')
    .update(`${connection}\u0000${resolve(out)}`)
    .digest('hex');
  return join(dir, `${id.slice(0, 20)}.ndjson`);
}

/** The header alone (cheap: the first line), or undefined when there is no usable cache. */
export async function readCacheHeader(file: string): Promise<CacheHeader | undefined> {
  let fh;
  try {
    fh = await open(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const text = buf.subarray(0, bytesRead).toString('utf8');
    const end = text.indexOf('\n');
    if (end < 0) return undefined;
    const header = JSON.parse(text.slice(0, end)) as CacheHeader;
    return header.format === FORMAT ? header : undefined;
  } catch {
    return undefined;
  } finally {
    await fh.close();
  }
}

/** Every account of the cache, in output order. */
export async function readCachedAccounts(file: string): Promise<CachedAccount[]> {
  const out: CachedAccount[] = [];
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let first = true;
  for await (const line of lines) {
    if (first) {
      first = false;
      continue;
    }
    if (line) out.push(JSON.parse(line) as CachedAccount);
  }
  return out;
}

/** Write the cache (through a temporary name). */
export async function writeCache(
  file: string,
  header: CacheHeader,
  accounts: Iterable<CachedAccount>,
): Promise<void> {
  await mkdir(resolve(file, '..'), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const out = createWriteStream(tmp);
  try {
    let piece = `${JSON.stringify(header)}\n`;
    for (const a of accounts) {
      piece += `${JSON.stringify(a)}\n`;
      if (piece.length >= 1 << 20) {
        if (!out.write(piece)) await new Promise<void>((r) => out.once('drain', r));
        piece = '';
      }
    }
    out.end(piece);
    await finished(out);
    await rename(tmp, file);
  } catch (err) {
    out.destroy();
    await rm(tmp, { force: true });
    throw err;
  }
}

/** Remove a cache that no longer goes with its output files. */
export const dropCache = (file: string): Promise<void> => rm(file, { force: true });
