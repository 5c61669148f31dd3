/**
 * The cache's account lines: one JSON array an account, in ASCII. Its opportunities' figures
 * are inline; their texts (id, title, account name, table rows, first step) and the account's
 * summary-table row, reasons and unlock plan are consecutive in the rows file, read when used
 * (`./decode.ts`).
 */
import type { PrecisionItem } from '../../learning/signal-precision.js';
import type { AccountSummary, Opportunity } from '../../model/output.js';
import type { AccountFigures } from '../../narrative/playbook-facts.js';
import type { CachedAccount } from './types.js';

/** One opportunity: its figures, then where its texts start and their byte lengths (-1: none). */
export type OppLine = [
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

export type AccountLine = [
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

export type GoneLine = [id: string, gone: 0];

/** Encodes accounts, appending their opportunities' texts to a buffer that starts at `at`. */
export class Encoder {
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

/** JSON in ASCII: every other character escaped, so a whole file reads back as one-byte text
 * (V8 decodes and parses that about twice as fast as UTF-8 with a few accents in it). */
export const asciiJson = (value: unknown): string =>
  JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
