/**
 * What a run that wrote the output files keeps of each account, so a later run that analyzed
 * only the accounts that changed can write the same files a run over everything writes: each
 * account's part of `opportunities.json` and `accounts.json` (byte lengths: the bytes are read
 * from the files themselves), its playbook facts (`narrative/playbook-facts.ts`) and its share of
 * the signal-precision history. A head names the files it goes with (their sizes and times, the
 * run whose results they hold, the inputs key): a cache that does not match the files is not
 * used, and the run writes everything.
 *
 * Four files per connection and output folder, in a local folder beside the store
 * (`HEADROOM_RESULTS_DIR`): the head (JSON), the accounts as of the last full write (one compact
 * JSON line each, in id order), a log of the accounts changed since (appended by each run that
 * changed a few; a later line wins, `gone` lines remove), and the table rows of the playbook
 * (UTF-8, appended; the lines point into it). A run that changed a few accounts writes a few
 * lines, not the whole cache; when the log has grown to a third of the accounts, the next run
 * writes it all again. The head is written last and says how many bytes of the other three are
 * valid, so a run killed half-way leaves the cache as it was. Derived data: losing it costs one
 * full run.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { PrecisionItem } from '../learning/signal-precision.js';
import type { AccountSummary, Opportunity } from '../model/output.js';
import type {
  AccountFigures,
  AccountNotes,
  OpportunityFacts,
} from '../narrative/playbook-facts.js';
import type { FileStamp } from '../store/output-files.js';

/** Bump when the layout below changes: an older cache is then not read. */
const FORMAT = 6;

/** Past this share of the accounts' bytes, the log is folded into a full write. */
const LOG_SHARE = 1 / 3;

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
  /** Valid bytes of the accounts, the log and the rows. */
  lengths?: { accounts: number; log: number; texts: number };
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
}

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

// --- compact lines ---------------------------------------------------------------------------
// An account is one JSON array. Its opportunities' figures are inline; their texts (id, title,
// account name, table rows, first step) are consecutive in the rows file and read when used.

/** One opportunity: its figures, then where its texts start and their byte lengths (-1: none). */
type OppLine = [
  type: Opportunity['type'],
  category: Opportunity['category'],
  estimatedArr: number,
  revenue: number,
  effort: number,
  likelihood: number,
  composite: number,
  tier: number,
  timing: Opportunity['timing'],
  deadline: string,
  confidence: number,
  at: number,
  id: number,
  title: number,
  /** -1: the summary's name. */
  accountName: number,
  row: number,
  playRow: number,
  firstStep: number,
];

/** A summary without its account id (the line's): name, figures, reasons, flags. */
type SummaryLine = [
  name: string,
  arr: number,
  health: AccountSummary['health'],
  healthReasons: string[],
  readiness: AccountSummary['readiness'],
  bestScore: number,
  bestTier: number,
  potentialArr: number,
  opportunityCount: number,
  flags: AccountSummary['flags'],
];

type RecordLine = [
  plan: string | 0,
  featuresUsed: string[],
  segment: NonNullable<AccountFigures['segment']> | 0,
  industry: string | 0,
  ticketThemes: string[],
];

type RetroLine = [
  digest: string,
  items: [
    type: PrecisionItem['type'],
    signals: string[],
    outcome: NonNullable<PrecisionItem['outcome']>['outcome'] | 0,
    amount: number,
  ][],
];

type AccountLine = [
  id: string,
  oppsBytes: number,
  accountBytes: number,
  summary: SummaryLine,
  opportunities: OppLine[],
  record: RecordLine | 0,
  activeContacts: number,
  missing: string[] | 0,
  retro: RetroLine | 0,
  /** Its texts in the rows file, from `textsAt`: its summary-table row, why it has no expansion
   * opportunity and what would unlock one (lines apart by NUL); byte lengths, -1 when none. */
  textsAt: number,
  row: number,
  whyNone: number,
  unlock: number,
];

type GoneLine = [id: string, gone: 0];

/** Encodes accounts, appending their opportunities' texts to a buffer that starts at `at`. */
class Encoder {
  private pieces: Buffer[] = [];
  constructor(private at: number) {}

  /** Append `text` (unless absent) and return its byte length, -1 when absent. */
  private put(text: string | undefined): number {
    if (text === undefined) return -1;
    const b = Buffer.from(text, 'utf8');
    this.pieces.push(b);
    this.at += b.length;
    return b.length;
  }

  line(a: CachedAccount): string {
    const opps = a.opportunities.map((o): OppLine => {
      const at = this.at;
      return [
        o.type,
        o.category,
        o.estimatedArr,
        o.scores.revenue,
        o.scores.effort,
        o.scores.likelihood,
        o.scores.composite,
        o.tier,
        o.timing,
        o.deadline,
        o.confidence,
        at,
        this.put(o.id),
        this.put(o.title),
        this.put(o.accountName === a.summary.name ? undefined : o.accountName),
        this.put(o.row),
        this.put(o.playRow),
        this.put(o.firstStep),
      ];
    });
    const { row, whyNone, unlock, missing } = a.notes;
    const x = a.summary;
    const r = a.record;
    const textsAt = this.at;
    const line: AccountLine = [
      a.id,
      a.oppsBytes,
      a.accountBytes,
      [
        x.name,
        x.arr,
        x.health,
        x.healthReasons,
        x.readiness,
        x.bestScore,
        x.bestTier,
        x.potentialArr,
        x.opportunityCount,
        x.flags,
      ],
      opps,
      r ? [r.plan ?? 0, r.featuresUsed, r.segment ?? 0, r.industry ?? 0, r.ticketThemes] : 0,
      a.activeContacts ?? -1,
      missing ?? 0,
      a.retro
        ? [
            a.retro.digest,
            a.retro.items.map((i) => [
              i.type,
              i.signals,
              i.outcome?.outcome ?? 0,
              i.outcome?.amount ?? 0,
            ]),
          ]
        : 0,
      textsAt,
      this.put(row),
      this.put(whyNone),
      this.put(unlock?.join('\u0000')),
    ];
    return asciiJson(line);
  }

  /** The texts encoded so far, and where the next would go. */
  take(): { bytes: Buffer; end: number } {
    const bytes = Buffer.concat(this.pieces);
    this.pieces = [];
    return { bytes, end: this.at };
  }
}

/**
 * An opportunity read from the cache: its figures at hand, its texts decoded from the rows
 * file the first time they are read (a table reads the rows of thousands, the rest reads a few
 * titles).
 */
class CachedOpportunity implements OpportunityFacts {
  readonly accountId: string;
  readonly type: Opportunity['type'];
  readonly category: Opportunity['category'];
  readonly estimatedArr: number;
  readonly scores: Opportunity['scores'];
  readonly tier: number;
  readonly timing: Opportunity['timing'];
  readonly deadline: string;
  readonly confidence: number;
  private texts: (string | undefined)[] = [];

  constructor(
    line: OppLine,
    accountId: string,
    private readonly summaryName: string,
    private readonly buf: Buffer,
  ) {
    const [type, category, arr, revenue, effort, likelihood, composite, tier, timing] = line;
    this.accountId = accountId;
    this.type = type;
    this.category = category;
    this.estimatedArr = arr;
    this.scores = { revenue, effort, likelihood, composite };
    this.tier = tier;
    this.timing = timing;
    this.deadline = line[9];
    this.confidence = line[10];
    this.line = line;
  }

  private readonly line: OppLine;

  /** Text `k` (0 id, 1 title, 2 account name, 3 row, 4 play row, 5 first step). */
  private text(k: number): string | undefined {
    if (k in this.texts) return this.texts[k];
    let at = this.line[11];
    for (let i = 0; i < k; i++) at += Math.max(0, this.line[12 + i] as number);
    const n = this.line[12 + k] as number;
    const t = n < 0 ? undefined : this.buf.toString('utf8', at, at + n);
    this.texts[k] = t;
    return t;
  }

  get id(): string {
    return this.text(0)!;
  }
  get title(): string {
    return this.text(1)!;
  }
  get accountName(): string {
    return this.text(2) ?? this.summaryName;
  }
  get row(): string {
    return this.text(3)!;
  }
  get playRow(): string | undefined {
    return this.text(4);
  }
  get firstStep(): string | undefined {
    return this.text(5);
  }
}

/** An account's notes read from the cache; why it has no expansion opportunity and what would
 * unlock one are read from the rows file when asked for (blocks of small portfolios). */
class CachedNotes implements AccountNotes {
  readonly row?: string;
  readonly missing?: string[];
  constructor(
    private readonly buf: Buffer,
    private readonly at: number,
    private readonly lengths: [row: number, whyNone: number, unlock: number],
    missing: string[] | 0,
  ) {
    if (lengths[0] >= 0) this.row = buf.toString('utf8', at, at + lengths[0]);
    if (missing !== 0) this.missing = missing;
  }

  private text(k: 1 | 2): string | undefined {
    const n = this.lengths[k];
    if (n < 0) return undefined;
    let at = this.at;
    for (let i = 0; i < k; i++) at += Math.max(0, this.lengths[i]!);
    return this.buf.toString('utf8', at, at + n);
  }

  get whyNone(): string | undefined {
    return this.text(1);
  }
  get unlock(): string[] | undefined {
    return this.text(2)?.split('\u0000');
  }
}

function decode(line: AccountLine, texts: Buffer): CachedAccount {
  const [id, oppsBytes, accountBytes, s, opps, record, contacts, missing, retro] = line;
  const summary: AccountSummary = {
    accountId: id,
    name: s[0],
    arr: s[1],
    health: s[2],
    healthReasons: s[3],
    readiness: s[4],
    bestScore: s[5],
    bestTier: s[6],
    potentialArr: s[7],
    opportunityCount: s[8],
    flags: s[9],
  };
  return {
    id,
    oppsBytes,
    accountBytes,
    summary,
    opportunities: opps.map((o) => new CachedOpportunity(o, id, summary.name, texts)),
    ...(record === 0
      ? {}
      : {
          record: {
            id,
            ...(record[0] === 0 ? {} : { plan: record[0] }),
            featuresUsed: record[1],
            ...(record[2] === 0 ? {} : { segment: record[2] }),
            ...(record[3] === 0 ? {} : { industry: record[3] }),
            ticketThemes: record[4],
          },
        }),
    ...(contacts < 0 ? {} : { activeContacts: contacts }),
    notes: new CachedNotes(texts, line[9], [line[10], line[11], line[12]], missing),
    ...(retro === 0
      ? {}
      : {
          retro: {
            digest: retro[0],
            items: retro[1].map(([type, signals, outcome, amount]) => ({
              type,
              signals,
              ...(outcome === 0 ? {} : { outcome: { outcome, amount } }),
            })),
          },
        }),
  };
}

/** JSON in ASCII: every other character escaped, so a whole file reads back as one-byte text
 * (V8 decodes and parses that about twice as fast as UTF-8 with a few accents in it). */
const asciiJson = (value: unknown): string =>
  JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

/** The JSON lines of the first `length` bytes of a file (written by `asciiJson`), parsed. */
async function readLines<T>(file: string, length: number): Promise<T[]> {
  const out: T[] = [];
  if (length === 0) return out;
  const text = (await readPrefix(file, length)).toString('latin1');
  for (let start = 0; start < length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = length;
    if (end > start) out.push(JSON.parse(text.slice(start, end)) as T);
    start = end + 1;
  }
  return out;
}

/** The first `length` bytes of a file. */
async function readPrefix(file: string, length: number): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(length);
    for (let at = 0; at < length;) {
      const { bytesRead } = await fh.read(buf, at, length - at, at);
      if (bytesRead === 0) throw new Error(`${file} is shorter than its head says`);
      at += bytesRead;
    }
    return buf;
  } finally {
    await fh.close();
  }
}

/** Every account of the cache, in id order. */
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
  const base = await readLines<AccountLine>(files.accounts, lengths.accounts);
  const log = await readLines<AccountLine | GoneLine>(files.log, lengths.log);
  if (!log.length) return base.map((l) => decode(l, texts));
  const byId = new Map<string, AccountLine>(base.map((l) => [l[0], l]));
  let added = false;
  for (const l of log) {
    if (l.length === 2) byId.delete(l[0]);
    else {
      added ||= !byId.has(l[0]);
      byId.set(l[0], l);
    }
  }
  const ids = [...byId.keys()];
  if (added) ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return ids.map((id) => decode(byId.get(id)!, texts));
}

const tmp = (file: string) => `${file}.${process.pid}.tmp`;

/** Write the whole cache: the accounts (in id order) and their rows, then the head. */
export async function writeCache(
  files: CacheFiles,
  header: CacheHeader,
  accounts: Iterable<CachedAccount>,
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
  await writeHead(files, {
    ...header,
    format: FORMAT,
    lengths: { accounts: accountBytes, log: 0, texts: enc.take().end },
  });
}

async function writeHead(files: CacheFiles, header: CacheHeader): Promise<void> {
  await writeFile(tmp(files.head), JSON.stringify(header));
  await rename(tmp(files.head), files.head);
}

/**
 * After a run that changed some accounts: append their lines (and `gone` for accounts that went)
 * to the log and their rows to the rows file, then write the new head; or, once the log has
 * grown past a third of the accounts, write the whole cache from `all`.
 */
export async function updateCache(
  files: CacheFiles,
  previous: CacheHeader,
  header: Omit<CacheHeader, 'lengths' | 'format'>,
  changed: readonly CachedAccount[],
  gone: readonly string[],
  all: () => Iterable<CachedAccount>,
): Promise<void> {
  const lengths = previous.lengths!;
  const enc = new Encoder(lengths.texts);
  let text = '';
  for (const a of changed) text += `${enc.line(a)}\n`;
  for (const id of gone) text += `${asciiJson([id, 0] satisfies GoneLine)}\n`;
  const bytes = Buffer.byteLength(text);
  if (lengths.log + bytes > lengths.accounts * LOG_SHARE)
    return writeCache(files, { ...header, format: FORMAT }, all());
  await rm(files.head, { force: true });
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
    lengths: { accounts: lengths.accounts, log: lengths.log + bytes, texts: rows.end },
  });
}
