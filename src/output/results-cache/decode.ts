/** Account lines read back into the playbook's facts (`./lines.ts` writes them). */
import type { AccountSummary, Opportunity } from '../../model/output.js';
import type { AccountNotes, OpportunityFacts } from '../../narrative/playbook-facts.js';
import type { AccountLine, OppLine } from './lines.js';
import type { CachedAccount } from './types.js';

/**
 * An opportunity read from the cache: its figures at hand, its texts decoded from the rows
 * file the first time they are read (a table reads the rows of thousands, the rest reads a few
 * titles). It keeps numbers, not its parsed line: at 100k accounts the cache holds 300k of
 * these for the whole run, and every object kept is one the garbage collector copies.
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
  /** Where its texts start in the rows file, and their byte lengths (-1: none). */
  private readonly at: number;
  private readonly n0: number;
  private readonly n1: number;
  private readonly n2: number;
  private readonly n3: number;
  private readonly n4: number;
  private readonly n5: number;
  /** Its id, read by every sort and lookup: decoded once. */
  private idText: string | undefined;

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
    this.at = line[11];
    this.n0 = line[12];
    this.n1 = line[13];
    this.n2 = line[14];
    this.n3 = line[15];
    this.n4 = line[16];
    this.n5 = line[17];
  }

  /** Text `k` (0 id, 1 title, 2 account name, 3 row, 4 play row, 5 first step). */
  private text(k: number): string | undefined {
    const n = [this.n0, this.n1, this.n2, this.n3, this.n4, this.n5];
    let at = this.at;
    for (let i = 0; i < k; i++) at += Math.max(0, n[i]!);
    return n[k]! < 0 ? undefined : this.buf.toString('utf8', at, at + n[k]!);
  }

  get id(): string {
    return (this.idText ??= this.text(0)!);
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

export function decode(line: AccountLine, texts: Buffer): CachedAccount {
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
