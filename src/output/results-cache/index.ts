/**
 * What a run that wrote the output files keeps of each account, so a later run that analyzed
 * only the accounts that changed can write the same files a run over everything writes: each
 * account's part of `opportunities.json` and `accounts.json` (byte lengths: the bytes are read
 * from the files themselves), its playbook facts (`narrative/playbook-facts.ts`) and its share of
 * the signal-precision history. A head names the files it goes with (their sizes and times, the
 * run whose results they hold, the inputs key): a cache that does not match the files is not
 * used, and the run writes everything.
 *
 * Five files per connection and output folder, in a local folder beside the store
 * (`HEADROOM_RESULTS_DIR`): the head (JSON), the accounts as of the last full write (one compact
 * JSON line each, in id order), a log of the accounts changed since (appended by each run that
 * changed a few; a later line wins, `gone` lines remove), the table rows of the playbook
 * (UTF-8, appended; the lines point into it) and the playbook's orders (`./order.ts`, written
 * whole by each run). A run that changed a few accounts writes a few
 * lines, not the whole cache; when the log has grown to a third of the accounts, the next run
 * writes it all again. The head is written last and says how many bytes of the other four are
 * valid, so a run killed half-way leaves the cache as it was. Derived data: losing it costs one
 * full run.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { byCodeUnit, mergeById } from '../id-order.js';
import { decode } from './decode.js';
import { asciiJson, Encoder, type AccountLine, type GoneLine } from './lines.js';
import type { CacheFiles, CachedAccount, CacheHeader } from './types.js';

export type { CacheFiles, CachedAccount, CacheHeader } from './types.js';

/** Bump when the layout below changes: an older cache is then not read. */
const FORMAT = 7;

/** Past this share of the accounts' bytes, the log is folded into a full write. */
const LOG_SHARE = 1 / 3;

/** The files of a connection's output folder under `dir`. */
export function cacheFiles(dir: string, connection: string, out: string): CacheFiles {
  const id = createHash('sha1')
    .update(`${connection}\u0000${resolve(out)}`)
    .digest('hex');
  const base = join(dir, id.slice(0, 20));
  return {
    head: `${base}.head.json`,
    accounts: `${base}.accounts`,
    log: `${base}.log`,
    texts: `${base}.rows`,
    order: `${base}.order`,
    spares: { opportunities: `${base}.opportunities.spare`, accounts: `${base}.accounts.spare` },
  };
}

/** The head, or undefined when there is no usable cache. */
export async function readCacheHeader(files: CacheFiles): Promise<CacheHeader | undefined> {
  try {
    const header = JSON.parse(await readFile(files.head, 'utf8')) as CacheHeader;
    return header.format === FORMAT && header.lengths ? header : undefined;
  } catch {
    return undefined;
  }
}

/** Lines parsed or decoded between two turns of the event loop. Reading 100k accounts takes
 * seconds of this thread; in turns, the store's answers get in meanwhile, so a run can read
 * the cache while it waits on its database. */
const TURN = 2000;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Bytes read from a lines file at a time. */
const CHUNK = 4 << 20;

/**
 * Each JSON line of the first `length` bytes of a file (written by `asciiJson`), parsed and
 * handed to `each` in turns (`TURN`). The file is read through one buffer, a few megabytes at a
 * time, and each line parsed on its own: at 100k accounts the file is 90 MB, which read whole and
 * made one string was 180 MB of new memory (on a virtual machine, a page fault the host serves
 * for every page), all of it parsed before the first account was decoded.
 */
async function eachLine<T>(file: string, length: number, each: (line: T) => void): Promise<void> {
  if (length === 0) return;
  const fh = await open(file, 'r');
  try {
    let buf = Buffer.allocUnsafeSlow(Math.min(CHUNK, length));
    let held = 0; // bytes of a line not ended yet, at the start of `buf`
    let n = 0;
    for (let at = 0; at < length;) {
      // A line longer than the buffer: a larger one.
      if (held === buf.length) buf = Buffer.concat([buf], buf.length * 2);
      const { bytesRead } = await fh.read(buf, held, Math.min(buf.length - held, length - at), at);
      if (bytesRead === 0) throw new Error(`${file} is shorter than its head says`);
      at += bytesRead;
      const end = held + bytesRead;
      let start = 0;
      for (let nl = buf.indexOf(10, start); nl >= 0 && nl < end; nl = buf.indexOf(10, start)) {
        if (nl > start) {
          each(JSON.parse(buf.toString('latin1', start, nl)) as T);
          if (++n % TURN === 0) await nextTurn();
        }
        start = nl + 1;
      }
      held = end - start;
      buf.copy(buf, 0, start, end);
      if (at === length && held > 0) each(JSON.parse(buf.toString('latin1', 0, held)) as T);
    }
  } finally {
    await fh.close();
  }
}

/**
 * Every account of the cache, in id order; read in turns (`TURN`), each account decoded as its
 * line is read. The log's lines (a later one wins, `gone` removes) take the place of the
 * accounts' lines as of the last full write; accounts the log adds are merged in by id.
 */
export async function readCachedAccounts(
  files: CacheFiles,
  header: CacheHeader,
): Promise<CachedAccount[]> {
  const lengths = header.lengths!;
  const fh = await open(files.texts, 'r');
  const texts = Buffer.allocUnsafe(lengths.texts);
  try {
    const { bytesRead } = await fh.read(texts, 0, lengths.texts, 0);
    if (bytesRead !== lengths.texts)
      throw new Error(`${files.texts} is shorter than its head says`);
  } finally {
    await fh.close();
  }
  // The log as it stands: each account's last line, or null when it went.
  const latest = new Map<string, AccountLine | null>();
  await eachLine<AccountLine | GoneLine>(files.log, lengths.log, (l) =>
    latest.set(l[0], l.length === 2 ? null : l),
  );
  const out: CachedAccount[] = [];
  await eachLine<AccountLine>(files.accounts, lengths.accounts, (line) => {
    const id = line[0];
    const logged = latest.get(id);
    if (logged === undefined) out.push(decode(line, texts));
    else {
      latest.delete(id);
      if (logged) out.push(decode(logged, texts));
    }
  });
  const added: CachedAccount[] = [];
  for (const l of latest.values()) if (l) added.push(decode(l, texts));
  if (!added.length) return out;
  added.sort((a, b) => byCodeUnit(a.id, b.id));
  return mergeById(out, added);
}

const tmp = (file: string) => `${file}.${process.pid}.tmp`;

/** The playbook's orders as the cache holds them (`./order.ts`): undefined when there are none
 * (a cache written before them). */
export async function readCacheOrder(
  files: CacheFiles,
  header: CacheHeader,
): Promise<Buffer | undefined> {
  const length = header.lengths?.order ?? 0;
  if (length === 0) return undefined;
  const buf = await readFile(files.order);
  if (buf.length < length) throw new Error(`${files.order} is shorter than its head says`);
  return buf.subarray(0, length);
}

/** Write the whole cache: the accounts (in id order), their rows and the playbook's orders
 * (`./order.ts`, when given), then the head. */
export async function writeCache(
  files: CacheFiles,
  header: CacheHeader,
  accounts: Iterable<CachedAccount>,
  order?: Buffer,
): Promise<void> {
  await mkdir(resolve(files.head, '..'), { recursive: true });
  // The head goes first: until the new one is written, no run trusts the files below.
  await rm(files.head, { force: true });
  const enc = new Encoder(0);
  const lines = await open(tmp(files.accounts), 'w');
  const texts = await open(tmp(files.texts), 'w');
  let accountBytes = 0;
  try {
    let piece = '';
    const flush = async () => {
      accountBytes += (await lines.write(piece)).bytesWritten;
      piece = '';
      const { bytes } = enc.take();
      if (bytes.length) await texts.write(bytes);
    };
    for (const a of accounts) {
      piece += `${enc.line(a)}\n`;
      if (piece.length >= 1 << 20) await flush();
    }
    await flush();
  } finally {
    await lines.close();
    await texts.close();
  }
  await rename(tmp(files.accounts), files.accounts);
  await rename(tmp(files.texts), files.texts);
  await writeFile(files.log, '');
  await writeFile(files.order, order ?? '');
  await writeHead(files, {
    ...header,
    format: FORMAT,
    lengths: { accounts: accountBytes, log: 0, texts: enc.take().end, order: order?.length ?? 0 },
  });
}

async function writeHead(files: CacheFiles, header: CacheHeader): Promise<void> {
  await writeFile(tmp(files.head), JSON.stringify(header));
  await rename(tmp(files.head), files.head);
}

/**
 * After a run that changed some accounts: append their lines (and `gone` for accounts that went)
 * to the log and their rows to the rows file, write the playbook's orders (`./order.ts`: of all
 * the accounts, when given), then the new head; or, once the log has grown past a third of the
 * accounts, write the whole cache from `all`.
 */
export async function updateCache(
  files: CacheFiles,
  previous: CacheHeader,
  header: Omit<CacheHeader, 'lengths' | 'format'>,
  changed: readonly CachedAccount[],
  gone: readonly string[],
  all: () => Iterable<CachedAccount>,
  order?: Buffer,
): Promise<void> {
  const lengths = previous.lengths!;
  const enc = new Encoder(lengths.texts);
  let text = '';
  for (const a of changed) text += `${enc.line(a)}\n`;
  for (const id of gone) text += `${asciiJson([id, 0] satisfies GoneLine)}\n`;
  const bytes = Buffer.byteLength(text);
  if (lengths.log + bytes > lengths.accounts * LOG_SHARE)
    return writeCache(files, { ...header, format: FORMAT }, all(), order);
  await rm(files.head, { force: true });
  await writeFile(files.order, order ?? '');
  const rows = enc.take();
  // Past the valid lengths the files may hold what a killed run wrote: written over.
  const log = await open(files.log, 'r+');
  const texts = await open(files.texts, 'r+');
  try {
    await log.write(text, lengths.log, 'utf8');
    await log.truncate(lengths.log + bytes);
    await texts.write(rows.bytes, 0, rows.bytes.length, lengths.texts);
    await texts.truncate(rows.end);
  } finally {
    await log.close();
    await texts.close();
  }
  await writeHead(files, {
    ...header,
    format: FORMAT,
    lengths: {
      accounts: lengths.accounts,
      log: lengths.log + bytes,
      texts: rows.end,
      order: order?.length ?? 0,
    },
  });
}
